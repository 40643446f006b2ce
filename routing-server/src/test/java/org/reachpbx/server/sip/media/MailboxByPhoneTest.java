package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Listening to voicemail by phone (VM-03, VM-07, VM-T3): 1233 and 920 with their passwords, the
 * message audio and the keys 6 (next, the message becomes old) and 7 (delete), three wrong
 * passwords, and a greeting recorded by phone that the next caller hears.
 */
class MailboxByPhoneTest extends MediaTestSupport {

    @Autowired
    VoicemailDeposit deposit;

    void empty(String box) {
        voicemail.list(mediaTenant, box, null).forEach(m -> voicemail.delete(mediaTenant, box, m.getId()));
    }

    long leave(String box, double hz) throws Exception {
        return deposit.deposit(new VoicemailDeposit.Deposit(mediaTenant, box, "0612345678", "Beller", "test-" + hz,
                null, wav(ToneGenerator.sine(hz, Duration.ofMillis(1500))))).getId();
    }

    @Test
    void theOwnerHearsTheNewMessageAfterThePasswordAndSixMakesItOld() throws Exception {
        empty("201");
        long id = leave("201", 440);
        RtpTestPeer rtp = peer();
        TestPhone anna = mediaPhone("201", rtp, List.of("PCMA"));
        TestPhone.Call call = anna.call("1233");
        connected(call, rtp);

        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(10)); // "enter your password"
        assertThat(at).as("the password prompt").isPositive();
        rtp.sendDigits("4827#").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(rtp, at), 440), Duration.ofSeconds(15)))
                .as("the message's audio is played").isTrue();
        rtp.sendDigits("6").get(5, TimeUnit.SECONDS);

        assertThat(awaitTrue(() -> voicemail.get(mediaTenant, "201", id).getState() == VoicemailState.OLD,
                Duration.ofSeconds(10))).as("6 moves on and the message becomes old").isTrue();
        call.hangUp();
    }

    @Test
    void threeWrongPasswordsEndTheCall() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone anna = mediaPhone("201", rtp, List.of("PCMA"));
        TestPhone.Call call = anna.call("1233");
        connected(call, rtp);
        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(10));
        for (int i = 0; i < 3 && at > 0; i++) {
            rtp.sendDigits("1111#").get(5, TimeUnit.SECONDS);
            at = i < 2 ? awaitPrompt(rtp, at, Duration.ofSeconds(15)) : at;
        }
        assertThat(anna.byes.poll(20, TimeUnit.SECONDS)).as("the server hangs up after three wrong passwords")
                .isNotNull();
    }

    @Test
    void nineTwentyRefusesAUserNumberAndOpensAVoicemailExtensionWithItsPassword() throws Exception {
        empty("600");
        empty("201");
        leave("600", 440);
        leave("201", 700);
        RtpTestPeer rtp = peer();
        TestPhone anna = mediaPhone("201", rtp, List.of("PCMA"));
        TestPhone.Call call = anna.call("920");
        connected(call, rtp);
        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(10)); // "enter the mailbox number"
        rtp.sendDigits("201#").get(5, TimeUnit.SECONDS);      // VM-T3: a user's number is refused
        at = awaitPrompt(rtp, at, Duration.ofSeconds(15));
        rtp.sendDigits("600#").get(5, TimeUnit.SECONDS);
        at = awaitPrompt(rtp, at, Duration.ofSeconds(15));
        rtp.sendDigits("3958#").get(5, TimeUnit.SECONDS);
        int from = at;
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(rtp, from), 440), Duration.ofSeconds(15)))
                .as("600's message is played").isTrue();
        assertThat(AudioCheck.hasTone(rtp.receivedAudio(), 700)).as("201's box was never opened").isFalse();
        call.hangUp();
    }

    @Test
    void sevenDeletesTheMessage() throws Exception {
        empty("202");
        long id = leave("202", 440);
        RtpTestPeer rtp = peer();
        TestPhone bram = mediaPhone("202", rtp, List.of("PCMU")); // no password needed (VM-07 setting)
        TestPhone.Call call = bram.call("1233");
        connected(call, rtp);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(rtp.receivedAudio(), 440), Duration.ofSeconds(15))).isTrue();
        rtp.sendDigits("7").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> voicemail.list(mediaTenant, "202", null).stream().noneMatch(m -> m.getId() == id),
                Duration.ofSeconds(10))).as("7 deletes the message").isTrue();
        call.hangUp();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.reachpbx.directory.integrations.VoicemailGreetingRepository greetings;

    /** The greeting recorded here would greet callers of box 600 in later test classes of this context. */
    @org.junit.jupiter.api.AfterEach
    void noGreetingLeftBehind() {
        greetings.deleteAll();
    }

    @Test
    void aGreetingRecordedByPhoneIsPlayedToTheNextCaller() throws Exception {
        empty("600");
        RtpTestPeer owner = peer();
        TestPhone anna = mediaPhone("201", owner, List.of("PCMA"));
        TestPhone.Call manage = anna.call("920");
        connected(manage, owner);
        int at = awaitPrompt(owner, 0, Duration.ofSeconds(10));
        owner.sendDigits("600#").get(5, TimeUnit.SECONDS);
        at = awaitPrompt(owner, at, Duration.ofSeconds(15));
        owner.sendDigits("3958#").get(5, TimeUnit.SECONDS);
        at = awaitPrompt(owner, at, Duration.ofSeconds(20)); // "no new messages", then the main menu
        owner.sendDigits("0").get(5, TimeUnit.SECONDS);        // options
        at = awaitPrompt(owner, at, Duration.ofSeconds(20));
        owner.sendDigits("1").get(5, TimeUnit.SECONDS);        // record the greeting
        int from = at;
        assertThat(awaitTrue(() -> beepHeard(audioSince(owner, from)), Duration.ofSeconds(15))).isTrue();
        owner.sendSilence(Duration.ofMillis(300));
        owner.sendPcm(ToneGenerator.sine(880, Duration.ofMillis(1500)));
        owner.sendDigits("#").get(10, TimeUnit.SECONDS);
        at = awaitPrompt(owner, owner.received().size(), Duration.ofSeconds(15)); // "1 listen, 2 keep, 3 again"
        owner.sendDigits("2").get(5, TimeUnit.SECONDS);
        awaitPrompt(owner, at, Duration.ofSeconds(15));          // "greeting saved"
        manage.hangUp();

        RtpTestPeer rtp = peer();
        TestPhone cor = mediaPhone("203", rtp, List.of("PCMU"));
        TestPhone.Call call = cor.call("600");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).isTrue();
        assertThat(AudioCheck.hasTone(rtp.receivedAudio(), 880)).as("the new greeting is played").isTrue();
        call.hangUp();
    }
}
