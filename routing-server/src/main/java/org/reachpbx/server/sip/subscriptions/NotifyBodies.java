package org.reachpbx.server.sip.subscriptions;

import java.util.function.LongFunction;
import org.reachpbx.integrations.mwi.MessageSummary;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.integrations.voicemail.VoicemailBoxes;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceKind;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.directory.view.TenantViewCache;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a subscription may see and what its NOTIFY says: the BLF/presence right is the service
 * rules' decision (PRV-04), the bodies come from the live call states, the REACH presence and the
 * mailbox counts (the same summary as the unsolicited message-waiting NOTIFY).
 */
class NotifyBodies {

    private final TenantViewCache views;
    private final ServiceEngine engine = new ServiceEngine();
    private final LongFunction<ServiceView> serviceViews;
    private final DialogStates calls;
    private final ReachPresence presence;
    private final ObjectProvider<MessageWaiting> messageWaiting;
    private final ObjectProvider<VoicemailBoxes> boxes;
    private final java.time.Clock clock;

    NotifyBodies(TenantViewCache views, LongFunction<ServiceView> serviceViews, DialogStates calls,
                 ReachPresence presence, ObjectProvider<MessageWaiting> messageWaiting,
                 ObjectProvider<VoicemailBoxes> boxes, java.time.Clock clock) {
        this.views = views;
        this.serviceViews = serviceViews;
        this.calls = calls;
        this.presence = presence;
        this.messageWaiting = messageWaiting;
        this.boxes = boxes;
        this.clock = clock;
    }

    /** Null when {@code user} may watch {@code target}'s calls and presence; else why not (PRV-04). */
    String refusal(TenantView view, String user, String target) {
        if (target.equals(user)) {
            return null;
        }
        ServiceRequest request = new ServiceRequest(ServiceKind.PRESENCE, user, null, null, null, false, null, null,
                null, null, null, target, null, false, false, false, false, false, null, null, null, null, null,
                null, null, null);
        ServiceDecision d = engine.decide(request, view, serviceViews.apply(view.tenantId()), clock);
        return d.outcome() == ServiceOutcome.ALLOWED ? null : d.reason();
    }

    /** The body of the next NOTIFY of this subscription; {@code shown}: the target's calls to show, null = now. */
    String body(Subscription s, java.util.List<DialogStates.UserDialog> shown) {
        return switch (s.event) {
            case DIALOG -> DialogInfo.body(s.entity(), s.version,
                    shown != null ? shown : calls.of(s.tenantId, s.target), s.domain);
            case PRESENCE -> views.byId(s.tenantId)
                    .map(view -> ReachPresence.pidf(s.entity(), presence.of(view, s.target)))
                    .orElse(ReachPresence.pidf(s.entity(), ReachPresence.Colour.GREY));
            case MESSAGE_SUMMARY -> messageSummary(s);
        };
    }

    private String messageSummary(Subscription s) {
        MessageWaiting mwi = messageWaiting.getIfAvailable();
        VoicemailBoxes b = boxes.getIfAvailable();
        String account = b == null ? null : b.find(s.tenantId, s.target).map(box -> box.account()).orElse(null);
        if (mwi == null || account == null) {
            return new MessageSummary(s.entity(), 0, 0).body();
        }
        return mwi.summary(s.tenantId, s.target, account).body();
    }
}
