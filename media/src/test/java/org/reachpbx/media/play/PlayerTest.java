package org.reachpbx.media.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;

class PlayerTest {
    private static Prompt filled(String name, int samples, byte value) {
        byte[] bytes = new byte[samples];
        java.util.Arrays.fill(bytes, value);
        return new Prompt(name, bytes, bytes.clone());
    }

    @Test
    void promptsPlayOneAfterTheOtherAndTheLastFrameIsPaddedWithSilence() {
        Player player = new Player(List.of(filled("a", 200, (byte) 1), filled("b", 100, (byte) 2)), false);
        byte[] frame = new byte[160];

        assertThat(player.nextFrame(Codec.PCMU, frame, 0, 160)).isTrue();
        assertThat(frame[159]).isEqualTo((byte) 1);
        assertThat(player.nextFrame(Codec.PCMU, frame, 0, 160)).isTrue();
        assertThat(frame[39]).isEqualTo((byte) 1);
        assertThat(frame[40]).isEqualTo((byte) 2);
        assertThat(frame[139]).isEqualTo((byte) 2);
        assertThat(frame[140]).isEqualTo(G711.ULAW_SILENCE);
        assertThat(player.done()).isTrue();
        assertThat(player.nextFrame(Codec.PCMU, frame, 0, 160)).isFalse();
    }

    @Test
    void aLoopingPlayerStartsOverAndNeverEnds() {
        Player player = new Player(List.of(filled("a", 100, (byte) 1)), true);
        byte[] frame = new byte[160];
        for (int i = 0; i < 100; i++) {
            assertThat(player.nextFrame(Codec.PCMA, frame, 0, 160)).isTrue();
            assertThat(frame[159]).isEqualTo((byte) 1);
        }
        assertThat(player.done()).isFalse();
    }

    @Test
    void anEmptyListIsDoneAtOnce() {
        assertThat(new Player(List.of(), true).done()).isTrue();
        assertThat(new Player(List.of(filled("none", 0, (byte) 0)), true).done()).isTrue();
    }

    @Test
    void anExactMultipleOfTheFrameEndsWithoutAnExtraFrame() {
        Player player = new Player(List.of(filled("a", 320, (byte) 3)), false);
        byte[] frame = new byte[160];
        assertThat(player.nextFrame(Codec.PCMU, frame, 0, 160)).isTrue();
        assertThat(player.nextFrame(Codec.PCMU, frame, 0, 160)).isTrue();
        assertThat(player.done()).isTrue();
    }
}
