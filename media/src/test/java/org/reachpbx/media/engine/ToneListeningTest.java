package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reachpbx.media.engine.EngineFixture.engine;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.dtmf.ToneListening;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;

/**
 * When a session takes keys keyed as sound (CH-02): a phone (the RTP test peer) with telephone-event
 * negotiated sends dual tones in its PCMA audio and RFC 4733 events; the session's digit listener
 * shows which counted (a closing event {@code 9} marks the end of what was sent).
 */
class ToneListeningTest {

    private static List<Character> keysHeard(ToneListening listening, boolean eventFirst) throws Exception {
        try (RtpMediaEngine engine = engine(2); RtpTestPeer phone = new RtpTestPeer()) {
            MediaSession session = engine.open();
            session.connect(phone.address(), Codec.PCMA, 101);
            session.listenForTones(listening);
            List<Character> heard = new CopyOnWriteArrayList<>();
            session.onDigit(heard::add);
            phone.remote(new InetSocketAddress("127.0.0.1", session.rtpPort()), 8, 101);
            if (eventFirst) {
                phone.sendDigits("5").get(5, TimeUnit.SECONDS);
            }
            phone.sendPcm(ToneGenerator.dtmf("12", Duration.ofMillis(100), Duration.ofMillis(80))).get(5, TimeUnit.SECONDS);
            // An event after 300 ms of silence marks the end: every tone frame has passed the jitter
            // buffer by the time it is reported (events count in every mode).
            phone.sendSilence(Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
            phone.sendDigits("9").get(5, TimeUnit.SECONDS);
            EngineFixture.await("the closing event", 5000, () -> heard.contains('9'));
            return List.copyOf(heard.subList(0, heard.indexOf('9')));
        }
    }

    @Test
    void withEventsNegotiatedTonesCountOnlyForAnInbandChannelAndOnlyUntilAnEventArrives() throws Exception {
        assertThat(keysHeard(ToneListening.UNTIL_SIGNALLED, false)).as("in-band channel").containsExactly('1', '2');
        assertThat(keysHeard(ToneListening.WITHOUT_EVENTS, false)).as("RFC 4733 channel: tones are sound").isEmpty();
        assertThat(keysHeard(ToneListening.NEVER, false)).as("SIP INFO channel").isEmpty();
        assertThat(keysHeard(ToneListening.UNTIL_SIGNALLED, true)).as("after an event, no more tones")
                .containsExactly('5');
    }
}
