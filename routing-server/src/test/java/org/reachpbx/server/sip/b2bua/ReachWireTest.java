package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * REACH over SIP: forwards (REACH-10, REACH-13), the manual device override (REACH-15), the caller
 * ID of outgoing calls as the carrier receives it (REACH-16, REACH-18, REACH-19) and the status by
 * time (REACH-07).
 */
class ReachWireTest extends WireTestSupport {

    @Test
    void forwardAlwaysRingsTheDestinationAndNeverTheUser() throws Exception {
        TestPhone gijs = phone("207").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);

        TestPhone.Call call = phone("202").call("207");
        TestPhone.Incoming atCarla = carla.awaitCall(5);

        assertThat(atCarla.header("Diversion")).contains("sip:207").contains("reason=unconditional");
        assertThat(atCarla.header("From")).contains("sip:202@");
        nothingMoreAt(gijs);
        giveUp(call);
    }

    @Test
    void aBusyForwardToAnOutsideNumberShowsTheUsersCallerId() throws Exception {
        phone("208").answering(Answering.BUSY);
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230008");
        TestPhone.Incoming out = carrier.awaitCall(5);

        // REACH-13, USER_CALLER_ID: 208's caller ID (a company number), not the caller's nor the number dialled.
        assertThat(requestUser(out)).isEqualTo("0612340208");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230000@");
        assertThat(out.header("Diversion")).contains("sip:208").contains("reason=user-busy");
        giveUp(call);
    }

    @Test
    void aBusyForwardToAnOutsideNumberCanShowTheNumberDialled() throws Exception {
        phone("209").answering(Answering.BUSY);
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230009");
        TestPhone.Incoming out = carrier.awaitCall(5);

        // REACH-13, CALLED_NUMBER.
        assertThat(requestUser(out)).isEqualTo("0612340209");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230009@");
        assertThat(out.header("From")).contains("0301230009");
        giveUp(call);
    }

    @Test
    void aManualDeviceOverrideRingsOnlyTheDevicesItNames() throws Exception {
        TestPhone desk = phone("210").answering(Answering.RING);
        TestPhone desktop = phone("ch210", "pw-210-secret", "DESKTOP").answering(Answering.RING);

        TestPhone.Call call = phone("202").call("210");

        assertThat(desktop.awaitCall(5)).isNotNull();
        nothingMoreAt(desk);
        giveUp(call);
    }

    @Test
    void anOutsideCallShowsTheProfilesCallerIdAndAnInsideCallTheExtension() throws Exception {
        clockAt(2026, 11, 24, 10, 0);
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone joke = phone("211");

        TestPhone.Call out = joke.call("0612345678");
        TestPhone.Incoming atCarrier = carrier.awaitCall(5);
        giveUp(out);
        assertThat(atCarrier.header("P-Asserted-Identity")).contains("sip:0301230011@");
        assertThat(atCarrier.header("From")).contains("sip:0301230011@");

        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone.Call in = joke.call("202");
        TestPhone.Incoming atBram = bram.awaitCall(5);
        giveUp(in);
        assertThat(atBram.header("From")).as("REACH-16: inside, the extension").contains("sip:211@");
    }

    @Test
    void aCallToTheClassOfTheNumberDialledShowsTheClassCallerId() throws Exception {
        clockAt(2026, 11, 24, 10, 0);
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = phone("211").call("0049301234567");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // REACH-16: class Duitsland -> profile Buitenland, which inherits the caller ID -> the class's.
        assertThat(requestUser(out)).isEqualTo("0049301234567");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230099@");
    }

    @Test
    void aDynamicCodeChoosesTheCallerIdAndIsNotDialled() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = phone("211").call("#32#0612345678");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // REACH-18.
        assertThat(requestUser(out)).isEqualTo("0612345678");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230099@");
    }

    @Test
    void onTheMobileApp13xChoosesTheCallerIdButOnTheDeskPhoneItIsNoNumber() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);
        TestPhone app = phone("ch211", "pw-211-secret", "MOBILE");

        // REACH-18: 132 is #32# on a mobile.
        TestPhone.Call call = app.call("1320612345678");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);
        assertThat(requestUser(out)).isEqualTo("0612345678");
        assertThat(out.header("P-Asserted-Identity")).contains("sip:0301230099@");

        // From the desk phone 13x is no code, and 1320612345678 no number.
        assertThat(phone("211").call("1320612345678").awaitFinal(5).getStatusCode()).isEqualTo(404);
        nothingMoreAt(carrier);
    }

    @Test
    void hash31MakesTheOutsideCallAnonymous() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = phone("211").call("#31#0612345678");
        TestPhone.Incoming out = carrier.awaitCall(5);
        giveUp(call);

        // REACH-19: From anonymous and Privacy: id. The #31# decision carries no caller ID, so no
        // P-Asserted-Identity goes to the carrier either (see docs/sip.md "Caller identity").
        assertThat(requestUser(out)).isEqualTo("0612345678");
        assertThat(out.header("From")).contains("Anonymous").contains("anonymous.invalid");
        assertThat(out.header("Privacy")).contains("id");
        assertThat(out.header("P-Asserted-Identity")).isNull();
    }

    @Test
    void theStatusByTimeChoosesTheProfile() throws Exception {
        TestPhone joke = phone("211").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone carrier = trunk();

        clockAt(2026, 11, 24, 10, 0); // a Tuesday morning: no status, the default profile
        TestPhone.Call day = carrier.callAsTrunk("0612345678", "0301230011");
        joke.awaitCall(5);
        giveUp(day);
        nothingMoreAt(carla);

        clockAt(2026, 11, 24, 20, 0); // the evening: status Avond, mobile callers -> profile Avond -> 203
        TestPhone.Call evening = carrier.callAsTrunk("0612345678", "0301230011");
        TestPhone.Incoming atCarla = carla.awaitCall(5);
        assertThat(atCarla.header("Diversion")).contains("sip:211");
        giveUp(evening);
        nothingMoreAt(joke);
    }
}
