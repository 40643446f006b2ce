package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Groups and assistants over SIP: individual forwarding (GRP-03), the internal and external forward
 * sets with their {@code ;} lists rung in parallel (GRP-04, GRP-06) and their caller ID (GRP-07),
 * the busy group (GRP-09); a manager's assistants ringing instead of the manager for his no-answer
 * timeout (ASG-02, ASG-03, ASG-07).
 */
class GroupWireTest extends WireTestSupport {

    @Test
    void withIndividualForwardingAMembersLegFollowsTheMembersOwnForward() throws Exception {
        TestPhone gijs = phone("207").answering(Answering.RING);
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);

        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230310");

        // GRP-03: 202 rings as a member; 207 forwards always to 203, so 203 rings for him.
        assertThat(bram.awaitCall(5)).isNotNull();
        TestPhone.Incoming forGijs = carla.awaitCall(5);
        assertThat(forGijs.header("Diversion")).contains("sip:207");
        nothingMoreAt(gijs);
        giveUp(call);
        assertThat(carla.cancels.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void anInsideCallUsesTheInternalForwardsAndRingsTheListTogether() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);

        TestPhone.Call call = phone("201").call("320");

        // GRP-04 (calls from extensions) and GRP-06 ("202;203" in parallel).
        assertThat(bram.awaitCall(5)).isNotNull();
        assertThat(carla.awaitCall(5)).isNotNull();
        giveUp(call);
    }

    @Test
    void anOutsideCallUsesTheExternalForwardsInNationalFormShowingTheNumberDialled() throws Exception {
        TestPhone carrier = trunk().answering(Answering.RING);

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230320");
        TestPhone.Incoming first = carrier.awaitCall(5);
        TestPhone.Incoming second = carrier.awaitCall(5);

        // GRP-04/06: both numbers of "0612340321; +31612340322" at once; the +31 item is dialled in
        // national form like every number the B2BUA sends (ACC-08, docs/tenant-yaml.md §4).
        assertThat(Stream.of(first, second).map(WireTestSupport::requestUser).collect(Collectors.toSet()))
                .isEqualTo(Set.of("0612340321", "0612340322"));
        // GRP-07, CALLED_NUMBER.
        assertThat(first.header("P-Asserted-Identity")).contains("sip:0301230320@");
        assertThat(second.header("P-Asserted-Identity")).contains("sip:0301230320@");
        giveUp(call);
    }

    @Test
    void aGroupNobodyCanBeOfferedTheCallIsBusyAndFollowsItsBusyForward() throws Exception {
        TestPhone carla = phone("203").answering(Answering.RING);

        TestPhone.Call call = phone("201").call("330");

        // GRP-09: 206 is not logged in anywhere, so the group is busy -> internal onBusy 203.
        assertThat(carla.awaitCall(5)).isNotNull();
        giveUp(call);
    }

    @Test
    void theAssistantsRingInsteadOfTheManagerForHisNoAnswerTimeout() throws Exception {
        TestPhone mark = phone("214").answering(Answering.RING);
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone carla = phone("203").answering(Answering.RING);
        TestPhone dirk = phone("204").answering(Answering.RING);

        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230014");

        // ASG-02/03: a mobile caller is class Zakelijk, which allows the assistants: they ring, 214 does not.
        assertThat(bram.awaitCall(5)).isNotNull();
        assertThat(carla.awaitCall(5)).isNotNull();
        nothingMoreAt(mark);

        // ASG-07: they ring for 214's no-answer timeout (5 s), then REACH-12: his no-answer forward.
        assertThat(timersDueWithin(4)).as("nothing is due before 5 s").isZero();
        assertThat(timersDueWithin(5.5)).isEqualTo(1);
        TestPhone.Incoming forwarded = dirk.awaitCall(5);
        assertThat(forwarded.header("Diversion")).contains("sip:214").contains("reason=no-answer");
        assertThat(bram.cancels.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        assertThat(carla.cancels.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        nothingMoreAt(mark);
        giveUp(call);
    }
}
