package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.reachpbx.server.sip.TestPhone;

/**
 * Helpers of the wire tests (issue 18): each test is a scenario of FEATURES.md, given phones
 * registered on the B2BUA test tenant, when one of them (or the carrier) calls, then what each
 * phone and the trunk received. Waits are on events; ring timers are moved forward, not waited for.
 */
abstract class WireTestSupport extends B2buaTestSupport {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The tenant's local time, for the movable clock. */
    void clockAt(int year, int month, int day, int hour, int minute) {
        clock.setTo(LocalDateTime.of(year, month, day, hour, minute).atZone(AMSTERDAM).toInstant());
    }

    /** Runs at once the ring timers due within {@code seconds} (no-answer, ring steps); how many ran. */
    int timersDueWithin(double seconds) throws Exception {
        return b2bua.timer().runDueWithin(Duration.ofMillis((long) (seconds * 1000)));
    }

    /** The caller gives up while it rings: CANCEL, 487, and the call is gone (no other call is up). */
    void giveUp(TestPhone.Call call) throws Exception {
        giveUp(call, 0);
    }

    /** As {@link #giveUp(TestPhone.Call)}, with {@code stillUp} other calls of the test still in progress. */
    void giveUp(TestPhone.Call call, int stillUp) throws Exception {
        call.await(Response.RINGING, 5);
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
        waitUntilCalls(stillUp);
    }

    /** The answered call is acknowledged and hung up by the caller; the callee gets the BYE. */
    void answeredAndHungUp(TestPhone.Call call, TestPhone callee) throws Exception {
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        call.hangUp();
        assertThat(callee.byes.poll(5, TimeUnit.SECONDS)).as("the callee gets the BYE").isNotNull();
        waitUntilNoCalls();
    }

    void nothingMoreAt(TestPhone phone) throws InterruptedException {
        assertThat(phone.incoming.poll(300, TimeUnit.MILLISECONDS)).as("no call at " + phone.contact()).isNull();
    }

    void waitUntilNoCalls() throws InterruptedException {
        waitUntilCalls(0);
    }

    void waitUntilCalls(int inProgress) throws InterruptedException {
        for (int i = 0; i < 100 && b2bua.callsInProgress() > inProgress; i++) {
            Thread.sleep(50);
        }
        assertThat(b2bua.callsInProgress()).as("calls in progress").isEqualTo(inProgress);
    }

    /** The user part of the Request-URI of an INVITE. */
    static String requestUser(TestPhone.Incoming in) {
        return ((javax.sip.address.SipURI) in.request.getRequestURI()).getUser();
    }
}
