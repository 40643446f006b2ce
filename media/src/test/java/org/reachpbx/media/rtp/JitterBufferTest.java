package org.reachpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private static final long SSRC = 1234;
    private final JitterBuffer buffer = new JitterBuffer(3);
    private final byte[] out = new byte[480];

    private JitterBuffer.Offer offer(int seq) {
        byte[] frame = new byte[160];
        frame[0] = (byte) seq;
        return buffer.offer(SSRC, seq & 0xFFFF, frame, 0, frame.length);
    }

    /** Polls {@code ticks} times; a frame is written as its first byte, a gap as "gap", nothing as "-". */
    private List<String> poll(int ticks) {
        List<String> released = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            int n = buffer.poll(out);
            released.add(n > 0 ? String.valueOf(out[0] & 0xFF) : n == JitterBuffer.GAP ? "gap" : "-");
        }
        return released;
    }

    @Test
    void framesAreHeldForTheDepthThenReleasedOnePerTick() {
        offer(10);
        offer(11);
        assertThat(poll(3)).containsExactly("-", "-", "-");
        assertThat(poll(3)).containsExactly("10", "11", "-");
    }

    @Test
    void packetsArrivingOutOfOrderAreReleasedInOrder() {
        offer(12);
        offer(10);
        offer(11);
        offer(14);
        offer(13);
        poll(3);
        assertThat(poll(5)).containsExactly("10", "11", "12", "13", "14");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void aMissingPacketIsCountedLostAndReleasedAsAGap() {
        offer(10);
        offer(12);
        poll(3);
        assertThat(poll(3)).containsExactly("10", "gap", "12");
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void aPacketWhoseTurnHasPassedIsDroppedAsLate() {
        offer(10);
        offer(12);
        poll(5); // 10, gap for 11
        assertThat(offer(11)).isEqualTo(JitterBuffer.Offer.LATE);
        assertThat(poll(1)).containsExactly("12");
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void duplicatesAreDroppedWhetherWaitingOrAlreadyReleased() {
        offer(10);
        assertThat(offer(10)).isEqualTo(JitterBuffer.Offer.DUPLICATE);
        poll(4);
        assertThat(offer(10)).isEqualTo(JitterBuffer.Offer.DUPLICATE);
        assertThat(buffer.duplicates()).isEqualTo(2);
    }

    @Test
    void sequenceNumbersWrapAround() {
        offer(65534);
        offer(65535);
        offer(0);
        offer(1);
        poll(3);
        assertThat(poll(4)).containsExactly("254", "255", "0", "1");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void aNonAudioPacketTakesItsTurnWithoutCountingAsLoss() {
        offer(10);
        buffer.offerGap(SSRC, 11);
        offer(12);
        poll(3);
        assertThat(poll(3)).containsExactly("10", "gap", "12");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void aNewSsrcStartsAFreshStream() {
        offer(10);
        poll(4);
        byte[] frame = {99};
        buffer.offer(777, 5000, frame, 0, 1);
        assertThat(poll(4)).containsExactly("-", "-", "-", "99");
        assertThat(buffer.late()).isZero();
    }

    /** The delay bound is audio time, not packets: 8 frames (depth 3 + 5) of 20 ms, however they are cut. */
    @Test
    void aBurstIsBoundedByItsAudioTimeNotByItsPacketCount() {
        byte[] tenMs = new byte[80];
        for (int seq = 0; seq < 16; seq++) { // 160 ms of 10 ms packets at once: within the bound
            buffer.offer(SSRC, seq, tenMs, 0, tenMs.length);
        }
        poll(4);
        assertThat(buffer.late()).isZero();

        JitterBuffer twenty = new JitterBuffer(3);
        byte[] frame = new byte[160];
        for (int seq = 0; seq < 10; seq++) { // 200 ms of 20 ms packets at once: 40 ms over
            twenty.offer(SSRC, seq, frame, 0, frame.length);
        }
        for (int i = 0; i < 4; i++) {
            twenty.poll(out);
        }
        assertThat(twenty.late()).isEqualTo(2);
    }
}
