package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 901 and 902 by phone (USR-04–07, USR-10): extension and PIN keyed on the hot desk, the service
 * rules decide as for the REST login, and the phone then rings for that user; 902 logs out again.
 */
class PhoneLoginTest extends MediaTestSupport {

    @Autowired
    org.reachpbx.directory.access.AuditTrail audit;

    @Autowired
    DeviceLogins logins;
    @Autowired
    org.reachpbx.integrations.voicemail.VoicemailMailbox mailbox;

    /** How long the built-in "enter the extension" prompt sounds in {@code language}, in ms. */
    private static long spoken(String language) {
        byte[] alaw = new org.reachpbx.media.play.PromptLibrary().get(language, "enter-extension").alaw();
        short[] pcm = new short[alaw.length];
        org.reachpbx.media.codec.G711.decode(org.reachpbx.media.codec.Codec.PCMA, alaw, 0, alaw.length, pcm, 0);
        return org.reachpbx.media.testing.AudioCheck.durationOfSound(pcm).toMillis();
    }

    /** Keys {@code digits} once the prompt before them has been heard; the index to wait from next. */
    private static int answer(RtpTestPeer rtp, int from, String digits) throws Exception {
        int heard = awaitPrompt(rtp, from, Duration.ofSeconds(15));
        assertThat(heard).as("a prompt before " + digits).isPositive();
        rtp.sendDigits(digits).get(5, TimeUnit.SECONDS);
        return heard;
    }

    @Test
    void loggedInWith901TheHotDeskRingsForTheUserAndAfter902ItNoLongerDoes() throws Exception {
        logins.logOutEverywhere(mediaTenant, "204");
        assertThat(mailbox.pinOpens(mediaTenant, "204", "6284")).as("Dora's PIN").isTrue();
        RtpTestPeer deskRtp = peer();
        TestPhone desk = channelPhone("mhotdesk", "pw-mhotdesk-secret", deskRtp);
        TestPhone.Call login = desk.call("901");
        connected(login, deskRtp);
        int at = answer(deskRtp, 0, "204#");
        // CH-05: the hot desk's channel speaks German: the first prompt is the German one.
        long heard = org.reachpbx.media.testing.AudioCheck.durationOfSound(RtpTestPeer.audioOf(deskRtp.received().subList(0, at))).toMillis();
        assertThat(heard).as("German 'enter the extension'").isBetween(spoken("de") - 250, spoken("de") + 250);
        assertThat(Math.abs(heard - spoken("nl"))).as("not the Dutch one").isGreaterThan(250);
        at = answer(deskRtp, at, "6284#");
        assertThat(desk.byes.poll(15, TimeUnit.SECONDS)).as("login-ok, then the server hangs up").isNotNull();
        assertThat(logins.userOn(mediaTenant, "mhotdesk")).isEqualTo("204");
        assertThat(audit.latest(mediaTenant, 10)).as("the login is in the audit trail (issue 12)").anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("Device logins: log in by phone");
            assertThat(e.getUsername()).isEqualTo("phone 204");
            assertThat(e.getDetail()).contains("user 204 on mhotdesk");
        });

        TestPhone cor = mediaPhone("203", peer(), List.of("PCMA"));
        desk.answering(TestPhone.Answering.RING);
        TestPhone.Call toDora = cor.call("204");
        assertThat(desk.awaitCall(10)).as("the hot desk rings for 204").isNotNull();
        toDora.cancel();

        RtpTestPeer again = peer();
        desk.withMedia(again.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call logout = desk.call("902");
        connected(logout, again);
        answer(again, 0, "1");
        assertThat(desk.byes.poll(15, TimeUnit.SECONDS)).as("logout-ok, then the server hangs up").isNotNull();
        assertThat(logins.userOn(mediaTenant, "mhotdesk")).isNull();
        assertThat(audit.latest(mediaTenant, 10)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("Device logins: log out by phone");
            assertThat(e.getDetail()).contains("user 204 of mhotdesk");
        });
        assertThat(cor.call("204").awaitFinal(10).getStatusCode()).as("nothing of 204 can ring now").isEqualTo(480);
    }

    @Test
    void aWrongPinIsAskedAgainAndThreeEndTheCall() throws Exception {
        RtpTestPeer deskRtp = peer();
        TestPhone desk = channelPhone("mhotdesk", "pw-mhotdesk-secret", deskRtp);
        TestPhone.Call login = desk.call("901");
        connected(login, deskRtp);
        int at = 0;
        for (int i = 0; i < 3; i++) {
            at = answer(deskRtp, at, "204#");
            at = answer(deskRtp, at, "0000#");
        }
        assertThat(desk.byes.poll(20, TimeUnit.SECONDS)).as("three wrong PINs end the call").isNotNull();
        assertThat(logins.userOn(mediaTenant, "mhotdesk")).isNull();
    }

    @Test
    void aUserLinkedToHerOwnPhoneWithoutTwinningIsRefused() throws Exception {
        RtpTestPeer deskRtp = peer();
        TestPhone desk = channelPhone("mhotdesk", "pw-mhotdesk-secret", deskRtp);
        TestPhone.Call login = desk.call("901");
        connected(login, deskRtp);
        int at = answer(deskRtp, 0, "203#");
        answer(deskRtp, at, "5160#");
        assertThat(desk.byes.poll(15, TimeUnit.SECONDS)).as("refused, then the server hangs up").isNotNull();
        assertThat(logins.userOn(mediaTenant, "mhotdesk")).as("USR-10").isNull();
    }

    /** The sound heard on a call to 900 from the hot desk, in milliseconds. */
    private long loginStatusHeard() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone desk = channelPhone("mhotdesk", "pw-mhotdesk-secret", rtp);
        TestPhone.Call status = desk.call("900");
        connected(status, rtp);
        assertThat(desk.byes.poll(15, TimeUnit.SECONDS)).as("said, then released").isNotNull();
        desk.register(0, "SHA-256");
        return org.reachpbx.media.testing.AudioCheck.durationOfSound(rtp.receivedAudio()).toMillis();
    }

    @Test
    void nineHundredSaysWhoIsLoggedInOnThePhone() throws Exception {
        logins.logOutEverywhere(mediaTenant, "204");
        long nobody = loginStatusHeard();
        assertThat(nobody).as("USR-09: \"nobody is logged in\"").isGreaterThan(500);
        logins.logIn(mediaTenant, "204", "mhotdesk", null);
        try {
            long dora = loginStatusHeard();
            assertThat(dora).as("\"logged in is extension\" and three digits").isGreaterThan(nobody + 600);
        } finally {
            logins.logOutEverywhere(mediaTenant, "204");
        }
    }

    @Test
    void nineOhSevenChangesThePinUnderThePinRules() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone dora = mediaPhone("204", rtp, List.of("PCMA"));
        try {
            TestPhone.Call call = dora.call("907");
            connected(call, rtp);
            int at = answer(rtp, 0, "6284#");
            at = answer(rtp, at, "1111#");          // USR-02: one repeated digit is refused
            answer(rtp, at, "5821#");
            assertThat(dora.byes.poll(15, TimeUnit.SECONDS)).as("pin-changed, then released").isNotNull();
            assertThat(mailbox.pinOpens(mediaTenant, "204", "5821")).as("the new PIN works").isTrue();
            assertThat(mailbox.pinOpens(mediaTenant, "204", "6284")).as("the old one no longer").isFalse();
            assertThat(audit.latest(mediaTenant, 10)).as("audited, never the PIN (issue 12)").anySatisfy(e -> {
                assertThat(e.getAction()).isEqualTo("Extensions: PIN by phone");
                assertThat(e.getUsername()).isEqualTo("phone 204");
                assertThat(e.getDetail()).isEqualTo("user 204; pin: (changed)");
            });
        } finally {
            mailbox.changePin(mediaTenant, "204", "6284");
        }
    }

    @Test
    void withThePin0000ANewPinIsChosenBeforeTheLogin() throws Exception {
        logins.logOutEverywhere(mediaTenant, "204");
        assertThat(mailbox.changePin(mediaTenant, "204", "0000").accepted()).isTrue();
        try {
            RtpTestPeer deskRtp = peer();
            TestPhone desk = channelPhone("mhotdesk", "pw-mhotdesk-secret", deskRtp);
            TestPhone.Call login = desk.call("901");
            connected(login, deskRtp);
            int at = answer(deskRtp, 0, "204#");
            at = answer(deskRtp, at, "0000#");
            at = answer(deskRtp, at, "1234#");     // USR-02: a run is refused, asked again
            answer(deskRtp, at, "5821#");
            assertThat(desk.byes.poll(15, TimeUnit.SECONDS)).isNotNull();
            assertThat(mailbox.pinOpens(mediaTenant, "204", "5821")).as("the new PIN").isTrue();
            assertThat(logins.userOn(mediaTenant, "mhotdesk")).isEqualTo("204");
        } finally {
            logins.logOutEverywhere(mediaTenant, "204");
            mailbox.changePin(mediaTenant, "204", "6284");
        }
    }
}
