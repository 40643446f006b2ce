package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * VoIP channels over SIP: local dialling with the channel's area code (CH-03), the channel's call
 * limit making its user busy (CH-04), and the external call limit stopping only new outside calls
 * (ECL-02). A channel without a user calling 112 only (CH-07) is in {@link EmergencyWireTest}.
 */
class ChannelWireTest extends WireTestSupport {

    @Test
    void aLocalNumberGetsTheAreaCodeOfTheChannel() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = phone("201").call("4567890");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // CH-03: ch201 is in Utrecht (030).
        assertThat(requestUser(out)).isEqualTo("0304567890");
    }

    @Test
    void withItsChannelFullAUserWithSecondCallOfferingIsBusy() throws Exception {
        TestPhone lies = phone("213").answering(Answering.ANSWER);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone.Call first = phone("202").call("213");
        assertThat(first.awaitFinal(5).getStatusCode()).isEqualTo(Response.OK);
        first.ack();
        lies.awaitCall(1);

        TestPhone.Call second = trunk().callAsTrunk("0612345678", "0301230013");

        // CH-04: ch213 takes one call, so 213 is busy although second call offering is on -> busy forward.
        TestPhone.Incoming forwarded = carla.awaitCall(5);
        assertThat(forwarded.header("Diversion")).contains("sip:213").contains("reason=user-busy");
        nothingMoreAt(lies);
        giveUp(second, 1);
        first.hangUp();
        assertThat(lies.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
    }

    @Test
    void atTheExternalCallLimitInsideCallsStillWork() throws Exception {
        TestPhone carrier = trunk().answering(Answering.ANSWER);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone anna = phone("201");
        TestPhone.Call outside = anna.call("0612345678");
        assertThat(outside.awaitFinal(5).getStatusCode()).isEqualTo(Response.OK);
        outside.ack();
        carrier.awaitCall(1);

        // ECL-02: the limit (1) is reached; a new outside call is refused, an inside call is not.
        assertThat(anna.call("0612345679").awaitFinal(5).getStatusCode()).isEqualTo(403);
        TestPhone.Call inside = anna.call("203");
        assertThat(carla.awaitCall(5)).isNotNull();
        inside.await(Response.RINGING, 5);
        inside.cancel();
        assertThat(inside.awaitFinal(5).getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);

        outside.hangUp();
        assertThat(carrier.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
    }
}
