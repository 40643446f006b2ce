package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Trunk calls through the number plans: the active plan by manual override, holiday and schedule
 * (NP-10, NP-12, NP-13), and the called and calling numbers in every format of ACC-08.
 */
class NumberPlanWireTest extends WireTestSupport {

    @Test
    void theScheduleAndTheHolidayTableChooseThePlan() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone dirk = phone("204").answering(Answering.RING);
        TestPhone carrier = trunk();

        // NP-13: Tuesday 10:00 -> the weekday entry (the shorter one wins over the whole week): Open.
        clockAt(2026, 11, 24, 10, 0);
        TestPhone.Call open = carrier.callAsTrunk("0612345678", "0301230600");
        bram.awaitCall(5);
        giveUp(open);

        // Tuesday 20:00 -> only the whole-week entry: Dicht.
        clockAt(2026, 11, 24, 20, 0);
        TestPhone.Call closed = carrier.callAsTrunk("0612345678", "0301230600");
        carla.awaitCall(5);
        giveUp(closed);

        // NP-12: Christmas Day 2025 is a Thursday; at 10:00 the holiday beats the schedule: Kerst.
        // (In the past: the registrations expire by the same clock, so it is moved back, not ahead.)
        clockAt(2025, 12, 25, 10, 0);
        TestPhone.Call christmas = carrier.callAsTrunk("0612345678", "0301230600");
        dirk.awaitCall(5);
        giveUp(christmas);
        nothingMoreAt(bram);
    }

    @Test
    void theManualOverrideBeatsTheSchedule() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);

        // NP-10: schema 3's schedule says plan 1 (202); its manual override plan 2 (203).
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230700");
        carla.awaitCall(5);
        giveUp(call);
        nothingMoreAt(bram);
    }

    @Test
    void theCalledNumberIsFoundInEveryFormat() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone carrier = trunk();

        // ACC-08: national, E.164, 0031 and "+31 (0)" forms of 201's number.
        for (String called : new String[] {"0301230001", "+31301230001", "0031301230001", "+31(0)301230001"}) {
            TestPhone.Call call = carrier.callAsTrunk("0612345678", called);
            assertThat(anna.awaitCall(5)).as(called).isNotNull();
            giveUp(call);
        }
    }

    @Test
    void theCallerIsShownInNationalForm() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone carrier = trunk();

        // ACC-08: +31 becomes 0, any other + becomes 00.
        TestPhone.Call dutch = carrier.callAsTrunk("+31612345678", "0301230001");
        assertThat(anna.awaitCall(5).header("From")).contains("sip:0612345678@");
        giveUp(dutch);

        TestPhone.Call german = carrier.callAsTrunk("+49301234567", "0301230001");
        assertThat(anna.awaitCall(5).header("From")).contains("sip:0049301234567@");
        giveUp(german);
    }
}
