package org.reachpbx.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.Reject;
import org.reachpbx.rules.decision.RejectCause;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.decision.RoutingDecision.Outcome;

class DecisionTextTest {

    private static RoutingDecision decision(Outcome outcome, Reject reject, List<RingStep> ring, Integer noAnswer,
                                            RoutingDecision onBusy, MediaService media, Presentation presentation,
                                            Map<String, String> headers) {
        return new RoutingDecision(outcome, reject, ring, noAnswer, onBusy, null, null, media, null, presentation,
                headers, null, null, null, List.of(), List.of(), List.of());
    }

    @Test
    void aRingDecisionReadsAsStepsTimeoutsCallerIdHeadersAndFollowUps() {
        RoutingDecision voicemail = decision(Outcome.MEDIA, null, List.of(), null, null,
                new MediaService(MediaService.Kind.PERSONAL_VOICEMAIL, "201", null, Map.of()), null, Map.of());
        RoutingDecision ring = decision(Outcome.RING, null,
                List.of(new RingStep(List.of(RingTarget.device("201", "Desk", "desk-201", null)), 10),
                        new RingStep(List.of(RingTarget.external("0612345678")), null)),
                15, voicemail, null, new Presentation("0301234567", null, false), Map.of("Alert-Info", "x"));

        assertThat(DecisionText.lines(ring)).containsExactly(
                "Outcome: Ring",
                "Step 1: ring user 201 device Desk (channel desk-201) for 10 s",
                "Step 2: ring external number 0612345678",
                "No answer after 15 s",
                "Caller ID shown: 0301234567",
                "SIP headers: Alert-Info: x",
                "On busy:",
                "    Outcome: Media service: personal voicemail of extension 201");
    }

    @Test
    void aRejectNamesItsSipStatusAndCause() {
        RejectCause cause = RejectCause.BUSY;
        RoutingDecision reject = decision(Outcome.REJECT, Reject.of(cause, "why"), List.of(), null, null, null, null,
                Map.of());
        assertThat(DecisionText.outcome(reject)).isEqualTo("Reject: SIP 486 (busy) – why");
        assertThat(DecisionText.outcome(reject, DecisionText.in(org.reachpbx.ui.i18n.UiTexts.DUTCH)))
                .isEqualTo("Weigeren: SIP 486 (bezet) – why");
    }

    @Test
    void theDecisionReadsInDutchToo() {
        RoutingDecision voicemail = decision(Outcome.MEDIA, null, List.of(), null, null,
                new MediaService(MediaService.Kind.PERSONAL_VOICEMAIL, "201", null, Map.of()), null, Map.of());
        RoutingDecision ring = decision(Outcome.RING, null,
                List.of(new RingStep(List.of(RingTarget.device("201", "Desk", "desk-201", null)), 10),
                        new RingStep(List.of(RingTarget.external("0612345678")), null)),
                15, voicemail, null, new Presentation(null, null, true), Map.of());

        assertThat(DecisionText.lines(ring, DecisionText.in(java.util.Locale.forLanguageTag("nl")))).containsExactly(
                "Uitkomst: Laten overgaan",
                "Stap 1: laat gebruiker 201 toestel Desk (kanaal desk-201) overgaan gedurende 10 s",
                "Stap 2: laat extern nummer 0612345678 overgaan",
                "Geen antwoord na 15 s",
                "Getoonde nummerweergave: anoniem",
                "Bij bezet:",
                "    Uitkomst: Mediadienst: persoonlijke voicemail van toestel 201");
    }
}
