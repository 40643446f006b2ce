package org.reachpbx.server.sip.media.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/**
 * What a waiting caller hears beyond QueueCallTest's join tone, intro, music and position: the
 * expected wait (QUE-28) at its interval, between the ringback; infotainment (QUE-29) at its steps,
 * each file whole and the call offered only between them.
 */
class QueueAnnouncementsTest extends QueueTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private QueueDispatcher dispatcher;

    /** 100 ms windows of 8 kHz audio. */
    private static final int WINDOW = 800;

    /** How long the built-in Dutch prompts sound one after the other, in ms. */
    private static long spoken(String... names) {
        long ms = 0;
        for (String name : names) {
            byte[] alaw = new org.reachpbx.media.play.PromptLibrary().get("nl", name).alaw();
            short[] pcm = new short[alaw.length];
            org.reachpbx.media.codec.G711.decode(org.reachpbx.media.codec.Codec.PCMA, alaw, 0, alaw.length, pcm, 0);
            ms += AudioCheck.durationOfSound(pcm).toMillis();
        }
        return ms;
    }

    /** The 100 ms windows from {@code from} on with sound that is not the 425 Hz ringback: speech. */
    private static int[] speech(short[] audio, int from) {
        return java.util.stream.IntStream.range(from, audio.length / WINDOW).filter(w -> {
            short[] window = Arrays.copyOfRange(audio, w * WINDOW, (w + 1) * WINDOW);
            return AudioCheck.rms(window) > AudioCheck.SILENCE && !AudioCheck.hasTone(window, 425);
        }).toArray();
    }

    @Test
    void theExpectedWaitIsAnnouncedAtItsIntervalBetweenTheRingback() throws Exception {
        queues.login(queue("435"), "212"); // logged in without a phone: nothing rings, Eva waits
        RtpTestPeer evaRtp = peer();
        TestPhone eva = queuePhone("219", evaRtp);
        TestPhone.Call call = eva.call("435");
        connected(call, evaRtp);
        try {
            assertThat(awaitTrue(() -> speech(evaRtp.receivedAudio(), 0).length > 0, Duration.ofSeconds(16)))
                    .as("QUE-28: an announcement").isTrue();
            int first = speech(evaRtp.receivedAudio(), 0)[0];
            assertThat(first * 100).as("after the 10 s interval, ringback before it").isBetween(9_000, 13_000);
            assertThat(AudioCheck.hasTone(Arrays.copyOfRange(evaRtp.receivedAudio(), 0, first * WINDOW), 425))
                    .as("QUE-30: ringback while waiting").isTrue();
            long expected = spoken("queue-expected-wait", "queue-less-than-a-minute");
            assertThat(awaitTrue(() -> evaRtp.receivedAudio().length / WINDOW > first + expected / 100 + 15,
                    Duration.ofSeconds(10))).isTrue();
            long heard = speech(evaRtp.receivedAudio(), first).length * 100L;
            assertThat(heard).as("\"the expected waiting time is less than one minute\" (nothing answered today)")
                    .isBetween(expected - 700, expected + 700);
        } finally {
            call.hangUp();
        }
    }

    @Test
    void infotainmentPlaysAtItsStepsWholeAndTheCallIsOfferedOnlyBetweenTheFiles() throws Exception {
        dispatcher.infotainmentStep(Duration.ofSeconds(4)); // 40 s in service
        try {
            TestPhone bram = queuePhone("212", peer()).answering(TestPhone.Answering.DECLINE);
            queues.login(queue("436"), "212");
            RtpTestPeer evaRtp = peer();
            TestPhone eva = queuePhone("219", evaRtp);
            TestPhone.Call call = eva.call("436");
            connected(call, evaRtp);
            java.util.List<Long> offers = new java.util.ArrayList<>();
            long end = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < end) {
                if (bram.incoming.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
                    offers.add(System.nanoTime());
                }
            }
            call.hangUp();
            java.util.List<org.reachpbx.media.testing.ReceivedPacket> got = evaRtp.received();
            // The files: packets with sound that is not the 425 Hz ringback, grouped by gaps of over 1 s.
            java.util.List<long[]> files = new java.util.ArrayList<>();
            for (int i = 0; i + 5 <= got.size(); i += 5) {
                short[] window = RtpTestPeer.audioOf(got.subList(i, i + 5));
                if (AudioCheck.rms(window) > AudioCheck.SILENCE && !AudioCheck.hasTone(window, 425)) {
                    long at = got.get(i).arrivalNanos();
                    if (files.isEmpty() || at - files.get(files.size() - 1)[1] > 1_000_000_000L) {
                        files.add(new long[] {at, at});
                    }
                    files.get(files.size() - 1)[1] = got.get(i + 4).arrivalNanos();
                }
            }
            // A 100 ms window at an edge of the ringback tone can miss the tone: no prompt is that short.
            files.removeIf(f -> f[1] - f[0] < 300_000_000L);
            assertThat(files).as("QUE-29: both files, once each (\"thank you\", \"all our colleagues are busy…\")").hasSize(2);
            assertThat(offers).as("the call is offered between the files").isNotEmpty();
            // The second file ("all our colleagues are busy …", about 5 s) is long enough to tell: no
            // offer reaches Bram's phone while it plays (half a second either side for RTP timing).
            long[] second = files.get(1);
            assertThat((second[1] - second[0]) / 1_000_000).as("the second file plays whole").isGreaterThan(3_000L);
            assertThat(offers).as("QUE-29: no offer while a file plays (file %d-%d ms after the first offer)",
                    (second[0] - offers.get(0)) / 1_000_000, (second[1] - offers.get(0)) / 1_000_000).noneMatch(
                    t -> t > second[0] + 500_000_000L && t < second[1] - 500_000_000L);
            assertThat(offers).as("offered again after the file").anyMatch(t -> t > second[1]);
            long firstAfterJoin = (files.get(0)[0] - got.get(0).arrivalNanos()) / 1_000_000;
            assertThat(firstAfterJoin).as("the first file one step after entry").isBetween(3_500L, 5_500L);
        } finally {
            dispatcher.infotainmentStep(Duration.ofSeconds(40));
        }
    }
}
