package org.reachpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc4733Test {

    /** One packet as the sender put it on the wire. */
    record Sent(long timestamp, boolean marker, byte[] payload) {
        boolean end() {
            return Rfc4733.isEnd(payload, 0);
        }

        int duration() {
            return Rfc4733.duration(payload, 0);
        }
    }

    private final List<Sent> wire = new ArrayList<>();
    private long nextEventTs = 1000;

    /** Runs the sender for {@code ticks} ticks of 20 ms; a new event takes the stream's timestamp. */
    private void runSender(Rfc4733Sender sender, int ticks) {
        for (int t = 0; t < ticks; t++) {
            long now = 20L * t;
            sender.onTick((newEvent, payload, length) -> {
                if (newEvent) {
                    nextEventTs = 1000 + 160L * (now / 20);
                }
                wire.add(new Sent(nextEventTs, newEvent, payload.clone()));
            });
        }
    }

    @Test
    void anEventKeepsOneTimestampWithGrowingDurationAndEndsWithThreeEndPackets() {
        Rfc4733Sender sender = new Rfc4733Sender();
        sender.send('5');
        runSender(sender, 20);

        assertThat(wire).extracting(Sent::timestamp).containsOnly(1000L);
        assertThat(wire).extracting(s -> Rfc4733.eventOf(s.payload(), 0)).containsOnly(5);
        assertThat(wire.get(0).marker()).isTrue();
        assertThat(wire.stream().skip(1).noneMatch(Sent::marker)).isTrue();
        assertThat(wire).extracting(Sent::duration).containsExactly(160, 320, 480, 640, 800, 800, 800);
        assertThat(wire).extracting(Sent::end).containsExactly(false, false, false, false, true, true, true);
    }

    @Test
    void aDigitSentAsRfc4733IsReportedOnce() {
        Rfc4733Sender sender = new Rfc4733Sender();
        sender.send('1');
        sender.send('#');
        runSender(sender, 40);
        StringBuilder digits = new StringBuilder();
        Rfc4733Receiver receiver = new Rfc4733Receiver(digits::append);

        long now = 0;
        for (Sent s : wire) {
            receiver.onPacket(s.timestamp(), s.payload(), 0, 4, now += 20);
        }
        for (int i = 0; i < 20; i++) {
            receiver.onTick(now += 20);
        }
        assertThat(digits).hasToString("1#");
    }

    @Test
    void aDigitWhoseEndPacketsAreAllLostIsReportedOnceAfterTheTimeout() {
        Rfc4733Sender sender = new Rfc4733Sender();
        sender.send('7');
        runSender(sender, 20);
        StringBuilder digits = new StringBuilder();
        Rfc4733Receiver receiver = new Rfc4733Receiver(digits::append);

        long now = 0;
        for (Sent s : wire) {
            if (!s.end()) {
                receiver.onPacket(s.timestamp(), s.payload(), 0, 4, now += 20);
            }
        }
        receiver.onTick(now + Rfc4733Receiver.END_TIMEOUT_MS - 20);
        assertThat(digits).isEmpty();
        receiver.onTick(now + Rfc4733Receiver.END_TIMEOUT_MS);
        receiver.onTick(now + 5 * Rfc4733Receiver.END_TIMEOUT_MS);
        assertThat(digits).hasToString("7");
    }

    @Test
    void theNextEventEndsOneWhoseEndPacketsWereLost() {
        StringBuilder digits = new StringBuilder();
        Rfc4733Receiver receiver = new Rfc4733Receiver(digits::append);
        byte[] two = new byte[4];
        Rfc4733.write(two, 0, 2, false, 10, 160);
        byte[] threeEnd = new byte[4];
        Rfc4733.write(threeEnd, 0, 3, true, 10, 800);

        receiver.onPacket(100, two, 0, 4, 0);
        receiver.onPacket(900, threeEnd, 0, 4, 40);
        receiver.onPacket(900, threeEnd, 0, 4, 40);
        receiver.onTick(1000);
        assertThat(digits).hasToString("23");
    }

    @Test
    void keysMapToEventCodes() {
        assertThat(Rfc4733.event('*')).isEqualTo(10);
        assertThat(Rfc4733.event('#')).isEqualTo(11);
        assertThat(Rfc4733.event('d')).isEqualTo(15);
        assertThat((int) Rfc4733.digit(16)).isZero();
        assertThat(Rfc4733.isDigit('x')).isFalse();
    }
}
