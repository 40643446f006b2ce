package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.TestPhone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Calls through the B2BUA between in-JVM SIP phones on loopback: the routing decision carried out
 * with real INVITE, CANCEL, ACK and BYE, and the headers the decision asks for.
 */
class B2buaCallTest extends B2buaTestSupport {

    @Test
    void aCallToAUserRingsAllItsDevicesAndTheFirstToAnswerWins() throws Exception {
        TestPhone desk = phone("201").answering(Answering.RING);
        TestPhone desktop = phone("ch201", "pw-201-secret", "DESKTOP").answering(Answering.ANSWER, 300);
        TestPhone caller = phone("202");

        TestPhone.Call call = caller.call("201");
        TestPhone.Incoming atDesk = desk.awaitCall(5);
        TestPhone.Incoming atDesktop = desktop.awaitCall(5);
        assertThat(atDesk.request.getRequestURI().toString()).contains(String.valueOf(desk.port()));
        assertThat(atDesktop.request.getRequestURI().toString()).contains(String.valueOf(desktop.port()));

        assertThat(call.await(Response.RINGING, 5)).isNotNull();
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        // SDP passes unchanged: the caller gets the answering phone's offer answer.
        assertThat(new String(ok.getRawContent())).isEqualTo(TestPhone.sdp(50000 + desktop.port() % 1000));
        assertThat(new String(atDesktop.request.getRawContent())).isEqualTo(TestPhone.sdp(40000));
        call.ack();
        // The other device stops ringing.
        assertThat(desk.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();

        // Internal call: the caller's extension is shown, with the internal ring tone.
        assertThat(atDesktop.header("From")).contains("sip:202@" + DOMAIN);
        assertThat(atDesktop.header("P-Asserted-Identity")).contains("sip:202@" + DOMAIN);
        assertThat(atDesktop.header("Alert-Info")).contains("alert-community-1");
        assertThat(atDesktop.header("Privacy")).isNull();

        call.hangUp();
        assertThat(desktop.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
    }

    @Test
    void theCalledPartyHangsUpAndTheCallerGetsTheBye() throws Exception {
        TestPhone callee = phone("203").answering(Answering.ANSWER);
        TestPhone caller = phone("202");
        TestPhone.Call call = caller.call("203");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        TestPhone.Incoming in = callee.awaitCall(1);
        assertThat(callee.acks.poll(5, TimeUnit.SECONDS)).isNotNull();

        in.hangUp();

        assertThat(caller.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
        assertThat(live.busyUsers(views.byId(tenantId).orElseThrow())).isEmpty();
    }

    @Test
    void endingEveryCallReleasesAnsweredAndRingingCallsOnTheWire() throws Exception {
        TestPhone callee = phone("203").answering(Answering.ANSWER);
        TestPhone caller = phone("202");
        TestPhone ringing = phone("201").answering(Answering.RING);
        TestPhone.Call answered = caller.call("203");
        assertThat(answered.awaitFinal(5).getStatusCode()).isEqualTo(200);
        answered.ack();
        callee.awaitCall(1);
        assertThat(callee.acks.poll(5, TimeUnit.SECONDS)).isNotNull();
        TestPhone.Call unanswered = callee.call("201");
        ringing.awaitCall(5);

        assertThat(b2bua.endAll()).isEqualTo(2);

        assertThat(caller.byes.poll(5, TimeUnit.SECONDS)).as("the answered call's caller gets a BYE").isNotNull();
        assertThat(callee.byes.poll(5, TimeUnit.SECONDS)).as("... and its callee").isNotNull();
        Response refused = unanswered.awaitFinal(5);
        assertThat(refused.getStatusCode()).as("the ringing call's caller").isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(ringing.cancels.poll(5, TimeUnit.SECONDS)).as("the ringing phone stops").isNotNull();
        waitUntilNoCalls();
        assertThat(live.busyUsers(views.byId(tenantId).orElseThrow())).isEmpty();
    }

    @Test
    void noAnswerForwardsAfterTheTimeout() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230001");
        anna.awaitCall(5);

        assertThat(bram.incoming.poll(300, TimeUnit.MILLISECONDS)).as("202 waits for the timeout").isNull();
        assertThat(timersDueWithin(3)).as("201's no-answer timeout is 5 s: nothing due within 3 s").isZero();
        assertThat(timersDueWithin(5.5)).as("... and it is due within 5.5 s").isEqualTo(1);
        TestPhone.Incoming forwarded = bram.awaitCall(5);
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("201 stops ringing").isNotNull();
        assertThat(forwarded.header("Diversion")).contains("sip:201").contains("reason=no-answer");
        assertThat(forwarded.header("History-Info")).contains("index=1.1").contains("cause%3D408");
        assertThat(forwarded.header("From")).contains("0612345678");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void busyForwardsToTheBusyDestination() throws Exception {
        phone("201").answering(Answering.BUSY);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230001");
        TestPhone.Incoming forwarded = carla.awaitCall(5);

        assertThat(forwarded.header("Diversion")).contains("sip:201").contains("reason=user-busy");
        assertThat(call.await(Response.RINGING, 5)).isNotNull();
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(carla.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aGroupRingsItsMembersTogetherWithTheNumberPlanPrefix() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.ANSWER, 300);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230000");
        TestPhone.Incoming atBram = bram.awaitCall(5);
        TestPhone.Incoming atCarla = carla.awaitCall(5);

        assertThat(atBram.header("From")).contains("\"VK 0612345678\"");
        assertThat(atCarla.header("Alert-Info")).contains("alert-group");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        assertThat(bram.cancels.poll(5, TimeUnit.SECONDS)).as("the other member stops ringing").isNotNull();
        call.hangUp();
    }

    @Test
    void timeBasedRoutingFollowsTheClock() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone carrier = trunk();
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");

        clock.setTo(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(amsterdam).toInstant()); // a Monday morning
        TestPhone.Call day = carrier.callAsTrunk("0612345678", "0301230550");
        bram.awaitCall(5);
        day.cancel();
        assertThat(day.awaitFinal(5).getStatusCode()).isEqualTo(487);

        clock.setTo(LocalDateTime.of(2026, 11, 22, 10, 0).atZone(amsterdam).toInstant()); // a Sunday
        TestPhone.Call sunday = carrier.callAsTrunk("0612345678", "0301230550");
        carla.awaitCall(5);
        sunday.cancel();
        assertThat(sunday.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(bram.incoming.poll(1, TimeUnit.SECONDS)).as("202 only rang on Monday").isNull();
    }

    @Test
    void aBarredNumberIsRefusedWith403() throws Exception {
        TestPhone anna = phone("201");
        Response refused = anna.call("0906123456").awaitFinal(5);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getHeader("Reason").toString()).contains("cause=403");
    }

    @Test
    void anEmergencyCallGoesToTheTrunkWithTheFallbackCallerId() throws Exception {
        TestPhone carrier = trunk().answering(Answering.ANSWER);
        TestPhone dirk = phone("204");

        TestPhone.Call call = dirk.call("112");
        TestPhone.Incoming atCarrier = carrier.awaitCall(5);

        assertThat(atCarrier.request.getRequestURI().toString()).startsWith("sip:112");
        assertThat(atCarrier.header("P-Asserted-Identity")).contains("0301230000");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        assertThat(carrier.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theCallerCancelsWhileItRings() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone bram = phone("202");

        TestPhone.Call call = bram.call("201");
        anna.awaitCall(5);
        assertThat(call.await(Response.RINGING, 5)).isNotNull();
        call.cancel();

        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
    }

    @Test
    void theCallLimitSendsTheSecondCallElsewhereUntilTheFirstEnds() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone carrier = trunk();

        TestPhone.Call first = carrier.callAsTrunk("0612345678", "0301230560");
        bram.awaitCall(5);
        TestPhone.Call second = carrier.callAsTrunk("0612345679", "0301230560");
        carla.awaitCall(5);
        assertThat(live.callLimitCalls(tenantId)).containsEntry("560", 1);

        first.cancel();
        second.cancel();
        assertThat(first.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(second.awaitFinal(5).getStatusCode()).isEqualTo(487);
        waitUntilNoCalls();
        assertThat(live.callLimitCalls(tenantId)).isEmpty();

        TestPhone.Call third = carrier.callAsTrunk("0612345670", "0301230560");
        assertThat(bram.awaitCall(5)).isNotNull();
        third.cancel();
    }

    @Test
    void theExternalCallLimitRefusesASecondExternalCall() throws Exception {
        TestPhone carrier = trunk().answering(Answering.ANSWER);
        TestPhone anna = phone("201");

        TestPhone.Call first = anna.call("0612345678");
        TestPhone.Incoming out = carrier.awaitCall(5);
        assertThat(out.header("P-Asserted-Identity")).contains("0301230001");
        assertThat(first.awaitFinal(5).getStatusCode()).isEqualTo(200);
        first.ack();

        Response second = anna.call("0612345679").awaitFinal(5);
        assertThat(second.getStatusCode()).as("ECL-02").isEqualTo(403);
        assertThat(second.getHeader("Reason").toString()).contains("the limit is 1");
        assertThat(carrier.incoming.poll(1, TimeUnit.SECONDS)).as("nothing reaches the trunk").isNull();

        first.hangUp();
        assertThat(carrier.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
        TestPhone.Call third = anna.call("0612345670");
        assertThat(carrier.awaitCall(5)).isNotNull();
        assertThat(third.awaitFinal(5).getStatusCode()).isEqualTo(200);
        third.ack();
        third.hangUp();
    }

    @Test
    void holdGivesTheHeldPartyTheServersMusicAndTheHolderItsAnswer() throws Exception {
        TestPhone carla = phone("203").answering(Answering.ANSWER);
        TestPhone bram = phone("202");
        TestPhone.Call call = bram.call("203");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();

        String hold = TestPhone.sdp(40000) + "a=sendonly\r\n";
        call.reinvite(hold);
        // MOH-03: the held party is offered the server's music (sendonly from the server), not the hold SDP.
        String toCarla = new String(carla.reinvites.poll(5, TimeUnit.SECONDS).getRawContent());
        assertThat(toCarla).contains("a=sendonly").doesNotContain("m=audio 40000 ");
        Response ok = call.await(200, 5);
        assertThat(ok).isNotNull();
        assertThat(new String(ok.getRawContent())).isEqualTo(TestPhone.sdp(60000 + carla.port() % 1000));
        call.ackReinvite(ok);
        assertThat(carla.acks.poll(5, TimeUnit.SECONDS)).isNotNull();
        call.hangUp();
    }

    @Test
    void aRingSequenceRingsTheNextStepAfterItsTimeout() throws Exception {
        TestPhone desk = phone("205").answering(Answering.RING);
        TestPhone desktop = phone("ch205", "pw-205-secret", "DESKTOP").answering(Answering.ANSWER, 300);
        TestPhone bram = phone("202");

        TestPhone.Call call = bram.call("205");
        desk.awaitCall(5);
        assertThat(desktop.incoming.poll(300, TimeUnit.MILLISECONDS)).as("step 2 waits for step 1's 5 s").isNull();
        assertThat(timersDueWithin(3)).as("the ring step timeout is 5 s: nothing due within 3 s").isZero();
        assertThat(timersDueWithin(5.5)).as("... the step timer is due within 5.5 s").isEqualTo(1);
        desktop.awaitCall(5);

        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        assertThat(desk.cancels.poll(5, TimeUnit.SECONDS)).as("step 1 stops ringing when step 2 answers").isNotNull();
        call.hangUp();
        assertThat(desktop.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void anUnreachableDeviceSendsTheCallOnAtOnce() throws Exception {
        phone("201").answering(Answering.UNAVAILABLE);
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carrier = trunk();

        long start = System.nanoTime();
        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230001");
        TestPhone.Incoming forwarded = bram.awaitCall(5);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .as("480 from the only device: no waiting for 201's 5 s no-answer timeout").isLessThan(4000L);
        assertThat(forwarded.header("Diversion")).contains("sip:201");
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(bram.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aSilentDeviceIsNotAnsweringAndTheTimerForwards() throws Exception {
        TestPhone anna = phone("201").answering(Answering.SILENT);
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230001");
        anna.awaitCall(5);
        assertThat(bram.incoming.poll(300, TimeUnit.MILLISECONDS)).as("a silent device is still waited for").isNull();

        assertThat(timersDueWithin(3)).as("201's no-answer timeout is 5 s: nothing due within 3 s").isZero();
        assertThat(timersDueWithin(5.5)).isEqualTo(1);
        bram.awaitCall(5);
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
        waitUntilNoCalls();
    }

    @Test
    void earlyMediaReachesTheCallerWithItsSdp() throws Exception {
        TestPhone carla = phone("203").answering(Answering.EARLY_MEDIA);
        TestPhone bram = phone("202");

        TestPhone.Call call = bram.call("203");
        carla.awaitCall(5);
        Response progress = call.await(Response.SESSION_PROGRESS, 5);

        assertThat(progress).isNotNull();
        assertThat(new String(progress.getRawContent())).isEqualTo(TestPhone.sdp(30000 + carla.port() % 1000));
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
        assertThat(carla.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void holdFromTheCalledPartyIsRelayedAndAcknowledged() throws Exception {
        TestPhone carla = phone("203").answering(Answering.ANSWER);
        TestPhone bram = phone("202");
        TestPhone.Call call = bram.call("203");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        TestPhone.Incoming atCarla = carla.awaitCall(1);
        assertThat(carla.acks.poll(5, TimeUnit.SECONDS)).isNotNull();

        String hold = TestPhone.sdp(50000 + carla.port() % 1000) + "a=sendonly\r\n";
        atCarla.reinvite(hold);
        String toBram = new String(bram.reinvites.poll(5, TimeUnit.SECONDS).getRawContent());
        assertThat(toBram).as("the held caller is offered the server's music").contains("a=sendonly")
                .doesNotContain("m=audio " + (50000 + carla.port() % 1000) + " ");
        Response ok = atCarla.responses.poll(5, TimeUnit.SECONDS);
        while (ok != null && ok.getStatusCode() < 200) { // a 100 Trying when the machine is busy
            ok = atCarla.responses.poll(5, TimeUnit.SECONDS);
        }
        assertThat(ok).isNotNull();
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(new String(ok.getRawContent())).isEqualTo(TestPhone.sdp(60000 + bram.port() % 1000));
        atCarla.ack(ok);
        assertThat(bram.acks.poll(5, TimeUnit.SECONDS)).as("the caller gets the ACK for its 200").isNotNull();

        call.hangUp();
        assertThat(carla.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
    }

    @Test
    void aVoicemailExtensionIsAnsweredByTheServer() throws Exception {
        // The media plane answers voicemail (docs/media.md); what the caller hears is tested in sip.media.
        TestPhone.Call call = phone("202").call("570");
        Response r = call.awaitFinal(10);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(new String(r.getRawContent(), java.nio.charset.StandardCharsets.UTF_8)).contains("m=audio");
        call.ack();
        call.hangUp();
        waitUntilNoCalls();
    }

    @Test
    void anUnknownExtensionIs404() throws Exception {
        Response r = phone("202").call("299").awaitFinal(5);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(r.getHeader("Reason")).isNotNull();
    }

    @Test
    void aBusyUserWithoutABusyForwardIs486() throws Exception {
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone carla = phone("203");
        TestPhone anna = phone("201");
        TestPhone.Call first = carla.call("202");
        assertThat(first.awaitFinal(5).getStatusCode()).isEqualTo(200);
        first.ack();
        bram.awaitCall(1);

        Response second = anna.call("202").awaitFinal(5);

        assertThat(second.getStatusCode()).as("202 is in a call, no second call offering, no busy forward").isEqualTo(486);
        first.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
    }

    @Test
    void aUserWithoutARegisteredDeviceIsUnavailable() throws Exception {
        TestPhone bram = phone("202");
        Response r = bram.call("204").awaitFinal(5);
        assertThat(r.getStatusCode()).isEqualTo(480);
    }

    @Test
    void anAnonymousCallerStaysAnonymous() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk(null, "0301230001");
        TestPhone.Incoming in = anna.awaitCall(5);

        assertThat(in.header("From")).contains("Anonymous").contains("anonymous.invalid");
        assertThat(in.header("Privacy")).contains("id");
        assertThat(in.header("P-Asserted-Identity")).isNull();
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
    }

    @Test
    void anInviteWithoutHopsLeftIsRefused() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        Response r = trunk().callAsTrunk("0612345678", "0301230001", 0).awaitFinal(5);
        assertThat(r.getStatusCode()).isEqualTo(483);
        assertThat(anna.awaitCallOrNull()).isNull();
    }

    @Test
    void theNextLegCarriesOneHopLess() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230001", 5);
        TestPhone.Incoming in = anna.awaitCall(5);
        assertThat(in.header("Max-Forwards")).contains("4");
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);
    }

    @Test
    void aCallStopsAfterTheMaximumNumberOfDecisions() throws Exception {
        phone("201").answering(Answering.BUSY);
        phone("203").answering(Answering.BUSY);
        phone("204").answering(Answering.BUSY);
        TestPhone bram = phone("202").answering(Answering.RING);

        Response r = trunk().callAsTrunk("0612345678", "0301230001").awaitFinal(10);

        assertThat(r.getStatusCode()).isEqualTo(482);
        assertThat(r.getHeader("Reason").toString()).contains("Too many routing steps");
        assertThat(bram.awaitCallOrNull()).as("the fourth decision is not carried out").isNull();
    }

    @Test
    void aTrunkCallToANumberNoTenantOwnsIs404() throws Exception {
        Response r = trunk().callAsTrunk("0612345678", "0309999999").awaitFinal(5);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(r.getReasonPhrase()).isEqualTo("Number not in service");
    }

    @Test
    void aCallWhoseCallerNeverAcknowledgesIsReleased() throws Exception {
        TestPhone carla = phone("203").answering(Answering.ANSWER);
        TestPhone bram = phone("202");
        TestPhone.Call call = bram.call("203");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        // No ACK: after the 2xx retransmissions (64 x T1 = 32 s) the caller's dialog ends.
        assertThat(carla.byes.poll(45, TimeUnit.SECONDS)).as("the answered side is hung up").isNotNull();
        waitUntilNoCalls();
    }

    /**
     * Runs at once the ring timers due within {@code seconds} from now (the B2BUA's movable timer),
     * instead of waiting for them in real time; how many ran.
     */
    int timersDueWithin(double seconds) throws Exception {
        return b2bua.timer().runDueWithin(java.time.Duration.ofMillis((long) (seconds * 1000)));
    }

    void waitUntilNoCalls() throws InterruptedException {
        for (int i = 0; i < 100 && b2bua.callsInProgress() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(b2bua.callsInProgress()).isZero();
    }

    static String callId(Response r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
