package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.reachpbx.server.sip.media.MediaTestSupport;

/**
 * In-call services over SIP and RTP (issue 14): blind transfer by the phone's transfer key (REFER,
 * GEN-03/04) and its refusal when the rules bar the target (CB-07), park by transfer to {@code *6}
 * with the line announced to the parker and music for the parked caller (PARK-02), retrieve with
 * 930+line by a user with the right and refusal for others (PARK-03/04), and call pickup with
 * {@code *8} (GEN-02, PRV-03). Tenant {@code sip/services-tenant.yaml} anchors every call's media.
 */
class InCallServicesTest extends MediaTestSupport {

    static final String DOMAIN = "services.reachpbx.test";

    @Autowired
    DeviceLogins logins;
    long tenant;

    @BeforeEach
    void servicesTenant() throws Exception {
        tenant = TestTenants.ensure(store, views, "Services Test BV", "sip/services-tenant.yaml");
    }

    /** 201 is logged in on the meeting-room phone too (USR-07), for the device switch. */
    TestPhone meetingRoom(RtpTestPeer rtp) throws Exception {
        logins.logIn(tenant, "201", "sch201b", null);
        return registered(new TestPhone("sch201b", DOMAIN, "pw-s201b-secret", server.port()), "201b", rtp);
    }

    @AfterEach
    void logOut() {
        logins.logOut(tenant, "sch201b");
    }

    TestPhone phone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("sch" + ext, DOMAIN, "pw-s" + ext + "-secret", server.port());
        return registered(phone, ext, rtp);
    }

    TestPhone registered(TestPhone phone, String ext, RtpTestPeer rtp) throws Exception {
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r).isNotNull();
        assertThat(r.getStatusCode()).as("sch%s registers", ext).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    /** {@code from} calls {@code to}, which answers; both RTP peers point at the server. */
    TestPhone.Incoming answeredCall(TestPhone from, RtpTestPeer fromRtp, TestPhone to, RtpTestPeer toRtp,
                                    String dialled, TestPhone.Call[] call) throws Exception {
        to.answering(TestPhone.Answering.ANSWER, 100);
        call[0] = from.call(dialled);
        connected(call[0], fromRtp);
        TestPhone.Incoming in = to.awaitCall(5);
        assertThat(in).as("%s rings", dialled).isNotNull();
        toRtp.remoteFromSdp(new String(in.request.getRawContent(), StandardCharsets.UTF_8));
        return in;
    }

    static boolean hearsEachOther(RtpTestPeer a, RtpTestPeer b, int hzA, int hzB) throws Exception {
        int fromA = a.received().size();
        int fromB = b.received().size();
        a.sendTone(hzA, Duration.ofMillis(700));
        b.sendTone(hzB, Duration.ofMillis(700)).get(5, TimeUnit.SECONDS);
        return awaitTrue(() -> AudioCheck.hasTone(audioSince(b, fromB), hzA), Duration.ofSeconds(5))
                && awaitTrue(() -> AudioCheck.hasTone(audioSince(a, fromA), hzB), Duration.ofSeconds(5));
    }

    /** The body of the next NOTIFY for a REFER (RFC 3515) the phone got (message-waiting ones are skipped). */
    static String referNotify(TestPhone phone, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Request notify = phone.notifies.poll(100, TimeUnit.MILLISECONDS);
            if (notify != null && notify.getHeader("Event") != null
                    && notify.getHeader("Event").toString().contains("refer") && notify.getRawContent() != null) {
                return new String(notify.getRawContent(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void aBlindTransferByReferConnectsTheCallerToTheTargetAndReleasesTheTransferor() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        TestPhone.Incoming atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "201", call);
        assertThat(hearsEachOther(bramRtp, annaRtp, 440, 880)).as("202 and 201 talk").isTrue();

        cor.answering(TestPhone.Answering.ANSWER, 300);
        atAnna.refer("sip:203@" + DOMAIN);
        Response accepted = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(referNotify(anna, 5)).as("RFC 3515 NOTIFY").startsWith("SIP/2.0 200");
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).as("the transferor's leg ends").isNotNull();

        TestPhone.Incoming atCor = cor.awaitCall(5);
        assertThat(atCor).as("GEN-04: the target rings").isNotNull();
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(hearsEachOther(bramRtp, corRtp, 500, 1200)).as("the caller talks to the target").isTrue();
        assertThat(bram.reinvites).as("the caller was not re-INVITEd").isEmpty();

        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theTransferorsLegEndsOnlyAfterItAnsweredTheFinalNotifyOfItsRefer() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        TestPhone.Incoming atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "201", call);

        java.util.concurrent.CountDownLatch answerNotifies = new java.util.concurrent.CountDownLatch(1);
        anna.holdReferNotifyAnswers = answerNotifies; // a slow phone: its NOTIFY answers wait
        cor.answering(TestPhone.Answering.ANSWER, 100);
        atAnna.refer("sip:203@" + DOMAIN);
        assertThat(atAnna.responses.poll(5, TimeUnit.SECONDS).getStatusCode()).isEqualTo(202);
        assertThat(referNotify(anna, 5)).as("the NOTIFY is sent").startsWith("SIP/2.0");
        assertThat(cor.awaitCall(5)).as("the target rings meanwhile").isNotNull();
        // A BYE now would end the dialog the NOTIFY's answer belongs to (docs/sip.md, "Transfers").
        assertThat(anna.byes.poll(1500, TimeUnit.MILLISECONDS)).as("no BYE before the NOTIFY is answered").isNull();

        answerNotifies.countDown();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).as("the BYE follows the answer").isNotNull();
        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void withoutAnchoringTheCallerIsReInvitedToTheServerAndThenTransferred() throws Exception {
        // The media tenant has no anchoring setting (the server's default: when-needed).
        RtpTestPeer corRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer bramRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA"));
        TestPhone bram = mediaPhone("202", bramRtp, List.of("PCMA"));
        anna.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call call = cor.call("201");
        assertThat(call.await(200, 10)).isNotNull();
        call.ack();
        TestPhone.Incoming atAnna = anna.awaitCall(5);

        bram.answering(TestPhone.Answering.ANSWER, 300);
        atAnna.refer("sip:202@" + MEDIA_DOMAIN);
        Response accepted = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        Request reinvite = cor.reinvites.poll(5, TimeUnit.SECONDS);
        assertThat(reinvite).as("the caller's media is brought to the server").isNotNull();
        corRtp.remoteFromSdp(new String(reinvite.getRawContent(), StandardCharsets.UTF_8));
        assertThat(referNotify(anna, 5)).startsWith("SIP/2.0 200");
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).as("the transferor's leg ends").isNotNull();

        TestPhone.Incoming atBram = bram.awaitCall(5);
        assertThat(atBram).as("the target rings").isNotNull();
        bramRtp.remoteFromSdp(new String(atBram.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !bram.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(hearsEachOther(corRtp, bramRtp, 500, 1200)).as("the caller talks to the target").isTrue();
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aTransferToANumberTheTransferorMayNotCallIsRefusedAndTheCallStays() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer doraRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone dora = phone("204", doraRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        TestPhone.Incoming atDora = answeredCall(bram, bramRtp, dora, doraRtp, "204", call);

        atDora.refer("sip:09061234567@" + DOMAIN); // the account bars 0906 numbers
        Response refused = atDora.responses.poll(5, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode()).as("CB-07: barred like a call of 204 to it").isBetween(400, 699);
        assertThat(dora.byes.poll(1, TimeUnit.SECONDS)).as("the call stays").isNull();
        assertThat(hearsEachOther(bramRtp, doraRtp, 440, 880)).as("still talking").isTrue();
        call[0].hangUp();
        assertThat(dora.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aCallParkedWithStar6HearsMusicAndIsRetrievedWith930PlusTheLineByAColleagueWithTheRight() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        RtpTestPeer doraRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone dora = phone("204", doraRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        TestPhone.Incoming atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "201", call);

        int annaHeard = annaRtp.received().size();
        atAnna.refer("sip:*6@" + DOMAIN);
        Response accepted = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(anna.byes.poll(10, TimeUnit.SECONDS)).as("the parker's leg ends after the announcement").isNotNull();
        assertThat(referNotify(anna, 1)).startsWith("SIP/2.0 200");
        short[] announcement = audioSince(annaRtp, annaHeard);
        assertThat(announcement.length).as("PARK-02: the parker hears the line number").isGreaterThan(8000);
        assertThat(AudioCheck.rms(announcement)).isGreaterThan(AudioCheck.SILENCE);

        int bramHeard = bramRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.rms(audioSince(bramRtp, bramHeard)) > AudioCheck.SILENCE
                && audioSince(bramRtp, bramHeard).length > 8000, Duration.ofSeconds(5)))
                .as("MOH-03: the parked caller hears music").isTrue();

        // 204 has no retrieve right on 201's parked calls (PARK-04): announcement, then released.
        TestPhone.Call refused = dora.call("9301");
        connected(refused, doraRtp);
        assertThat(dora.byes.poll(10, TimeUnit.SECONDS)).as("PARK-04: refused and released").isNotNull();

        TestPhone.Call retrieve = cor.call("9301");
        connected(retrieve, corRtp);
        assertThat(hearsEachOther(bramRtp, corRtp, 500, 1200)).as("PARK-03: 203 talks to the parked caller").isTrue();

        retrieve.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("the parked caller's call ends with the retriever's").isNotNull();
    }

    @Test
    void aBlindTransferByCodeToStar6ParksTheOtherParty() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        answeredCall(bram, bramRtp, anna, annaRtp, "201", call);

        int annaHeard = annaRtp.received().size();
        annaRtp.sendDigits("##**6#").get(10, TimeUnit.SECONDS); // ##*<dest># with the park code *6
        assertThat(anna.byes.poll(10, TimeUnit.SECONDS)).as("the parker's leg ends after the announcement").isNotNull();
        short[] announcement = audioSince(annaRtp, annaHeard);
        assertThat(AudioCheck.rms(announcement)).as("PARK-02: the parker hears the line number").isGreaterThan(AudioCheck.SILENCE);
        assertThat(bram.byes).as("the parked caller stays").isEmpty();

        TestPhone.Call retrieve = cor.call("9301");
        connected(retrieve, corRtp);
        assertThat(hearsEachOther(bramRtp, corRtp, 500, 1200)).as("PARK-03: 203 talks to the parked caller").isTrue();
        retrieve.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void star9MovesTheAnsweredCallToTheOtherDeviceOfTheUser() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer deskRtp = peer();
        RtpTestPeer roomRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone desk = phone("201", deskRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        answeredCall(bram, bramRtp, desk, deskRtp, "201", call);
        TestPhone room = meetingRoom(roomRtp);

        TestPhone.Call move = room.call("*9");
        connected(move, roomRtp);
        assertThat(desk.byes.poll(5, TimeUnit.SECONDS)).as("GEN-01: the first device's leg ends").isNotNull();
        assertThat(hearsEachOther(bramRtp, roomRtp, 440, 880)).as("the call goes on on the other device").isTrue();
        assertThat(bram.byes).as("the other party stays").isEmpty();
        move.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void star9WithoutACallOnAnotherDeviceIsAnnouncedAndReleased() throws Exception {
        RtpTestPeer roomRtp = peer();
        TestPhone room = meetingRoom(roomRtp);
        TestPhone.Call move = room.call("909");
        connected(move, roomRtp);
        assertThat(awaitPrompt(roomRtp, 0, Duration.ofSeconds(10))).as("an announcement").isPositive();
        assertThat(room.byes.poll(10, TimeUnit.SECONDS)).as("then release").isNotNull();
    }

    @Test
    void aFreeParkLineIsAnnouncedAndReleased() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call call = cor.call("93042");
        connected(call, corRtp);
        assertThat(awaitPrompt(corRtp, 0, Duration.ofSeconds(10))).as("PARK-03: an announcement").isPositive();
        assertThat(cor.byes.poll(10, TimeUnit.SECONDS)).as("then release").isNotNull();
    }

    @Test
    void star8PicksUpACallRingingAtAColleagueAndTheOtherPhoneStopsRinging() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", peer());
        TestPhone cor = phone("203", corRtp);
        anna.answering(TestPhone.Answering.RING);
        TestPhone.Call call = bram.call("201");
        assertThat(call.await(180, 5)).as("201 rings").isNotNull();
        assertThat(anna.awaitCall(5)).isNotNull();

        TestPhone.Call pickup = cor.call("*8");
        connected(pickup, corRtp);
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("GEN-02: 201 stops ringing").isNotNull();
        connected(call, bramRtp);
        assertThat(hearsEachOther(bramRtp, corRtp, 440, 880)).as("the caller talks to 203").isTrue();

        pickup.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("the caller's call ends with the picker's").isNotNull();
    }

    @Test
    void aUserWithoutThePickupRightHearsThatNothingCanBePickedUp() throws Exception {
        RtpTestPeer doraRtp = peer();
        TestPhone bram = phone("202", peer());
        TestPhone anna = phone("201", peer());
        TestPhone dora = phone("204", doraRtp);
        anna.answering(TestPhone.Answering.RING);
        TestPhone.Call call = bram.call("201");
        assertThat(call.await(180, 5)).isNotNull();

        TestPhone.Call pickup = dora.call("*8201");
        connected(pickup, doraRtp);
        assertThat(dora.byes.poll(10, TimeUnit.SECONDS)).as("PRV-03: refused and released").isNotNull();
        assertThat(anna.cancels.poll(500, TimeUnit.MILLISECONDS)).as("201 still rings").isNull();
        call.cancel();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
