package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Forward and call-limit extensions to outside numbers, as the carrier receives them: the
 * destination and the chosen caller ID (FWD-01, CLX-01, CLX-03), and the external call limit not
 * applying to them (ECL-03).
 */
class FunctionExtensionsWireTest extends WireTestSupport {

    @Test
    void aForwardExtensionConnectsToItsNumberShowingTheNumberDialled() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = carrier.callAsTrunk("0401234567", "0301230580");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // FWD-01 (FWD-T1): 580 -> 0612340580 with caller ID "original called number".
        assertThat(requestUser(out)).isEqualTo("0612340580");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230580@");
    }

    @Test
    void aCallLimitExtensionSendsWithinTheLimitToAnOutsideNumberWithItsCompanyNumber() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = carrier.callAsTrunk("0401234567", "0301230561");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // CLX-03: the destination may be an outside number; CLX-01: SPECIFIC_NUMBER 0301230099.
        assertThat(requestUser(out)).isEqualTo("0612340561");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230099@");
    }

    @Test
    void theExternalCallLimitDoesNotApplyToOtherExtensionTypes() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        // ECL-03: the tenant's limit is 1 per user; a forward extension is no user.
        TestPhone.Call first = carrier.callAsTrunk("0401234567", "0301230580");
        TestPhone.Call second = carrier.callAsTrunk("0401234568", "0301230580");

        assertThat(requestUser(carrier.awaitCall(5))).isEqualTo("0612340580");
        assertThat(requestUser(carrier.awaitCall(5))).isEqualTo("0612340580");
        giveUp(first, 1);
        giveUp(second);
    }
}
