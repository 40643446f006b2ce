package org.reachpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recorder;
import org.reachpbx.media.record.Recording;

/**
 * The reframer between the jitter buffer and the recorder tap, on a simulated clock: a sender's
 * packets arrive at their own pace (10, 20 or 30 ms), the media clock ticks every 20 ms, and what
 * the tap takes must keep real time and the sender's byte order.
 */
class ReframerTest {
    private static final long SSRC = 77;

    private final JitterBuffer jitter = new JitterBuffer(3);
    private final Reframer frames = new Reframer(jitter);
    private final byte[] out = new byte[480];

    /** Sends {@code millis} of audio in packets of {@code packetMs}; byte i of the stream is (i mod 251) + 1. */
    private byte[] run(int packetMs, int millis, Recorder recorder) {
        int packetBytes = packetMs * 8;
        int packets = millis / packetMs;
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int sent = 0;
        for (int nowMs = 0; nowMs < millis + 400; nowMs++) {
            while (sent < packets && sent * packetMs <= nowMs) {
                byte[] p = new byte[packetBytes];
                for (int i = 0; i < packetBytes; i++) {
                    p[i] = (byte) ((sent * packetBytes + i) % 251 + 1);
                }
                jitter.offer(SSRC, 1000 + sent, p, 0, packetBytes);
                sent++;
            }
            if (nowMs % 20 == 19) {
                int n = frames.poll(out, G711.ULAW_SILENCE);
                if (n > 0) {
                    taken.write(out, 0, n);
                }
                if (recorder != null) {
                    recorder.onFrame(Codec.PCMU, out, n);
                }
            }
        }
        return taken.toByteArray();
    }

    private static void assertInOrder(byte[] taken) {
        for (int i = 0; i < taken.length; i++) {
            assertThat(taken[i]).as("byte %d", i).isEqualTo((byte) (i % 251 + 1));
        }
    }

    @Test
    void thirtyMsPacketsComeOutAsTwentyMsFramesInOrderAndInRealTime() {
        byte[] taken = run(30, 3000, null);
        assertThat(taken).hasSize(3000 * 8);
        assertInOrder(taken);
        assertThat(jitter.lost()).isZero();
        assertThat(jitter.late()).isZero();
    }

    @Test
    void tenMsPacketsComeOutAsTwentyMsFramesInOrderAndInRealTime() {
        byte[] taken = run(10, 3000, null);
        assertThat(taken).hasSize(3000 * 8);
        assertInOrder(taken);
        assertThat(jitter.late()).isZero();
    }

    @Test
    void aRecordingOfThirtyMsPacketsLastsAsLongAsTheSenderSpokeWithin60Ms() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(30), null, '#'));
        run(30, 6000, recorder);
        Recording recording = recorder.finish(Recording.End.STOPPED);
        // 6 s of audio plus the ticks of silence before the first and after the last packet (the run's 400 ms)
        assertThat(recording.length().toMillis()).isBetween(6400L - 60, 6400L + 60);
        assertThat(recording.voiced().toMillis()).isBetween(6000L - 60, 6000L + 60);
    }

    @Test
    void aRecordingOfTenMsPacketsLastsAsLongAsTheSenderSpokeWithin60Ms() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(30), null, '#'));
        run(10, 6000, recorder);
        Recording recording = recorder.finish(Recording.End.STOPPED);
        assertThat(recording.length().toMillis()).isBetween(6400L - 60, 6400L + 60);
        assertThat(recording.voiced().toMillis()).isBetween(6000L - 60, 6000L + 60);
    }

    @Test
    void aLostThirtyMsPacketBecomesThirtyMsOfSilenceNotTwenty() {
        byte[] p = new byte[240];
        java.util.Arrays.fill(p, (byte) 0x11);
        jitter.offer(SSRC, 1, p, 0, 240);
        jitter.offer(SSRC, 3, p, 0, 240); // 2 lost
        jitter.offer(SSRC, 4, p, 0, 240);
        int audio = 0;
        int silence = 0;
        for (int tick = 0; tick < 12; tick++) {
            int n = frames.poll(out, G711.ULAW_SILENCE);
            if (n == JitterBuffer.GAP) {
                silence += Reframer.FRAME;
            }
            for (int i = 0; i < Math.max(n, 0); i++) {
                if (out[i] == (byte) 0x11) {
                    audio++;
                } else {
                    assertThat(out[i]).isEqualTo(G711.ULAW_SILENCE);
                    silence++;
                }
            }
        }
        assertThat(audio).isEqualTo(3 * 240);
        assertThat(silence).isEqualTo(240);
        assertThat(jitter.lost()).isEqualTo(1);
    }

    @Test
    void beforeTheStreamStartsThereIsNothing() {
        assertThat(frames.poll(out, G711.ULAW_SILENCE)).isEqualTo(JitterBuffer.NOTHING);
    }
}
