package org.reachpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.testing.ToneGenerator;

class InbandDetectorTest {

    /** What the detector reports for {@code pcm} sent as 20 ms G.711 frames of {@code codec}. */
    private static String detect(short[] pcm, Codec codec) {
        StringBuilder keys = new StringBuilder();
        InbandDetector detector = new InbandDetector(keys::append);
        byte[] frame = new byte[160];
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            G711.encode(codec, pcm, at, 160, frame, 0);
            detector.onFrame(codec, frame, 160);
        }
        return keys.toString();
    }

    @Test
    void everyKeyIsReportedOnceInBothLaws() {
        String all = "0123456789*#ABCD";
        short[] pcm = ToneGenerator.dtmf(all, Duration.ofMillis(100), Duration.ofMillis(60));
        assertThat(detect(pcm, Codec.PCMA)).isEqualTo(all);
        assertThat(detect(pcm, Codec.PCMU)).isEqualTo(all);
    }

    @Test
    void aKeyHeldLongIsStillOneKeyAndTheSameKeyTwiceIsTwo() {
        short[] pcm = ToneGenerator.concat(ToneGenerator.dtmf('5', Duration.ofMillis(800)),
                ToneGenerator.silence(Duration.ofMillis(60)), ToneGenerator.dtmf('5', Duration.ofMillis(80)));
        assertThat(detect(pcm, Codec.PCMA)).isEqualTo("55");
    }

    @Test
    void quietKeysAndShortBlipsAreNotKeys() {
        short[] quiet = ToneGenerator.scale(ToneGenerator.dtmf('1', Duration.ofMillis(200)), 0.002);
        assertThat(detect(quiet, Codec.PCMA)).isEmpty();
        short[] blip = ToneGenerator.dtmf('1', Duration.ofMillis(25));
        assertThat(detect(blip, Codec.PCMA)).as("shorter than 40 ms").isEmpty();
    }

    @Test
    void speechMusicAndSingleTonesAreNotTakenForKeys() {
        assertThat(detect(ToneGenerator.speechLike(7, Duration.ofSeconds(10)), Codec.PCMA)).isEmpty();
        assertThat(detect(ToneGenerator.sine(1000, Duration.ofSeconds(1)), Codec.PCMA)).isEmpty();
        assertThat(detect(ToneGenerator.sweep(300, 3400, Duration.ofSeconds(3), 0.3), Codec.PCMA)).isEmpty();
        PromptLibrary prompts = new PromptLibrary();
        for (String name : new String[] {"enter-extension", "vm-menu-main", "record-after-tone"}) {
            byte[] spoken = prompts.get("nl", name).alaw();
            short[] pcm = new short[spoken.length];
            G711.decode(Codec.PCMA, spoken, 0, spoken.length, pcm, 0);
            assertThat(detect(pcm, Codec.PCMA)).as("the spoken prompt " + name).isEmpty();
        }
        byte[] music = prompts.get("moh", "default").alaw();
        short[] pcm = new short[music.length];
        G711.decode(Codec.PCMA, music, 0, music.length, pcm, 0);
        assertThat(detect(pcm, Codec.PCMA)).as("the built-in music").isEmpty();
    }
}
