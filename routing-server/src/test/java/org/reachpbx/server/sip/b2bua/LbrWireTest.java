package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Location-based routing of trunk calls (LBR-02, LBR-04, LBR-05, LBR-06): which phone rings, and the
 * entry's prefix in front of the caller in the display name. TBR over SIP is
 * {@code B2buaCallTest.timeBasedRoutingFollowsTheClock}.
 */
class LbrWireTest extends WireTestSupport {

    private TestPhone bram;
    private TestPhone carla;
    private TestPhone dirk;
    private TestPhone carrier;

    private TestPhone.Incoming call(String caller, String called, TestPhone ringsAt) throws Exception {
        TestPhone.Call call = carrier.callAsTrunk(caller, called);
        TestPhone.Incoming in = ringsAt.awaitCall(5);
        giveUp(call);
        return in;
    }

    private void phones() throws Exception {
        bram = phone("202").answering(Answering.RING);
        carla = phone("203").answering(Answering.RING);
        dirk = phone("204").answering(Answering.RING);
        carrier = trunk();
    }

    @Test
    void byTheCallersAreaCode() throws Exception {
        phones();
        // LBR-02: 010 -> 202 with prefix RDM; a mobile -> 203; any other area -> the default 204, prefix NL.
        assertThat(call("0101234567", "0301230500", bram).header("From")).contains("\"RDM 0101234567\"");
        assertThat(call("0612345678", "0301230500", carla).header("From")).contains("0612345678");
        assertThat(call("0201234567", "0301230500", dirk).header("From")).contains("\"NL 0201234567\"");
        nothingMoreAt(bram);
    }

    @Test
    void byTheCallersNumberWithAWildcard() throws Exception {
        phones();
        // LBR-04: 0049% -> 202, prefix DE; a caller sending +49 is the same German caller (ACC-08).
        assertThat(call("0049301234567", "0301230520", bram).header("From")).contains("\"DE 0049301234567\"");
        assertThat(call("+49301234567", "0301230520", bram).header("From")).contains("\"DE 0049301234567\"");
        assertThat(call("0201234567", "0301230520", dirk)).isNotNull();
        nothingMoreAt(carla);
    }

    @Test
    void byTheNumberDialled() throws Exception {
        phones();
        // LBR-05: two numbers on the same LBR go to different places.
        assertThat(call("0201234567", "0301230530", bram).header("From")).contains("\"HN 0201234567\"");
        assertThat(call("0201234567", "0301230531", carla)).isNotNull();
        nothingMoreAt(dirk);
    }
}
