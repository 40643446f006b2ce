package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.reachpbx.server.sip.stack.SipProperties.EmergencyAreaCode;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Emergency calls as the carrier receives them: the caller ID that can be called back (EFB-01–04)
 * and the area code that picks the emergency centre (EFB-07, CH-03), sent the way the trunk is set
 * up for ({@code pbx.sip.trunks[n].emergency-area-code}: header, prefix or none).
 */
class EmergencyWireTest extends WireTestSupport {

    @Autowired
    Trunks trunks;

    private TestPhone.Incoming emergencyCall(TestPhone caller, String dialled, TestPhone carrier) throws Exception {
        TestPhone.Call call = caller.call(dialled);
        TestPhone.Incoming atCarrier = carrier.awaitCall(5);
        giveUp(call);
        return atCarrier;
    }

    @Test
    void theAreaCodeOfTheDeskPhoneGoesToTheCarrierInTheEmergencyHeader() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone kees = phone("212");

        TestPhone.Incoming in = emergencyCall(kees, "112", carrier);

        assertThat(requestUser(in)).isEqualTo("112");
        assertThat(in.header("X-Emergency-Area-Code")).as("ch212 is in Rotterdam (CH-03)").endsWith(": 010");
        // EFB-03: no caller ID of his own, so his user fallback, never anonymous.
        assertThat(in.header("P-Asserted-Identity")).contains("sip:0301230012@");
        assertThat(in.header("From")).contains("0301230012");
        assertThat(in.header("Privacy")).isNull();
    }

    @Test
    void fromTheDesktopClientTheUsersAreaCodeIsSent() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone desktop = phone("ch212", "pw-212-secret", "DESKTOP");

        TestPhone.Incoming in = emergencyCall(desktop, "112", carrier);

        // CH-03: not a desk phone, so 212's own area code (020), not ch212's (010).
        assertThat(in.header("X-Emergency-Area-Code")).endsWith(": 020");
        assertThat(in.header("P-Asserted-Identity")).contains("sip:0301230012@");
    }

    @Test
    void aTrunkSetUpForPrefixesGetsTheAreaCodeInFrontOfTheNumber() throws Exception {
        Trunk outbound = trunks.outbound().orElseThrow();
        outbound.setEmergencyAreaCode(EmergencyAreaCode.PREFIX);
        try {
            TestPhone carrier = trunk().answering(Answering.RING);
            TestPhone kees = phone("212");

            TestPhone.Incoming in = emergencyCall(kees, "112", carrier);

            assertThat(requestUser(in)).isEqualTo("010112");
            assertThat(in.header("To")).as("the number dialled stays in To").contains("sip:112@");
            assertThat(in.header("X-Emergency-Area-Code")).isNull();
        } finally {
            outbound.setEmergencyAreaCode(EmergencyAreaCode.HEADER);
        }
    }

    @Test
    void aTrunkSetUpForNoAreaCodeGetsTheNumberAlone() throws Exception {
        Trunk outbound = trunks.outbound().orElseThrow();
        outbound.setEmergencyAreaCode(EmergencyAreaCode.NONE);
        try {
            TestPhone carrier = trunk().answering(Answering.RING);
            TestPhone.Incoming in = emergencyCall(phone("212"), "112", carrier);

            assertThat(requestUser(in)).isEqualTo("112");
            assertThat(in.header("X-Emergency-Area-Code")).isNull();
        } finally {
            outbound.setEmergencyAreaCode(EmergencyAreaCode.HEADER);
        }
    }

    @Test
    void anOrdinaryOutsideCallCarriesNoAreaCode() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone.Call call = phone("212").call("0612345678");
        TestPhone.Incoming in = carrier.awaitCall(5);
        giveUp(call);

        assertThat(requestUser(in)).isEqualTo("0612345678");
        assertThat(in.header("X-Emergency-Area-Code")).isNull();
    }

    @Test
    void aUserWithACallerIdSendsItOnAnEmergencyCall() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Incoming in = emergencyCall(phone("201"), "112", carrier);

        // EFB-02: 201's REACH caller ID; ch201 is in Utrecht.
        assertThat(in.header("P-Asserted-Identity")).contains("sip:0301230001@");
        assertThat(in.header("X-Emergency-Area-Code")).endsWith(": 030");
    }

    @Test
    void hash31BeforeTheEmergencyNumberSendsTheFallbackNotAnonymous() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Incoming in = emergencyCall(phone("201"), "#31#112", carrier);

        // EFB-03 (b), REACH-19: #31# on 112 is no caller ID, so the account fallback (201 has no user fallback).
        assertThat(requestUser(in)).isEqualTo("112");
        assertThat(in.header("P-Asserted-Identity")).contains("sip:0301230000@");
        assertThat(in.header("From")).doesNotContain("anonymous");
        assertThat(in.header("Privacy")).isNull();
    }

    @Test
    void aPhoneWithoutAUserCallsOnlyEmergencyWithItsChannelFallback() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone lobby = phone("lobby", "pw-lobby-secret", null);

        // CH-07: no user logged in, so no outside call ...
        Response refused = lobby.call("0612345678").awaitFinal(5);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getHeader("Reason").toString()).contains("901");
        nothingMoreAt(carrier);

        // ... but 112, with the channel fallback (EFB-04) and the channel's area code (Enschede).
        TestPhone.Incoming in = emergencyCall(lobby, "112", carrier);
        assertThat(in.header("P-Asserted-Identity")).contains("sip:0301230090@");
        assertThat(in.header("X-Emergency-Area-Code")).endsWith(": 0546");
    }
}
