package org.reachpbx.server.sip.b2bua;

import java.util.function.BooleanSupplier;
import org.reachpbx.media.MediaSession;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.reachpbx.server.sip.services.CallsInProgress;

/**
 * An answered, anchored call as a listening supervisor sees it (LSN-02): the agent's and the other
 * party's sessions of its {@link MediaAnchor}, and the call's lock for changing them.
 */
final class ListenedCall implements CallsInProgress.Listened {

    private final B2bCall call;
    private final MediaAnchor anchor;
    private final boolean agentIsCaller;
    /** Under the call's lock: the anchor is still the call's and the call is up. */
    private final BooleanSupplier stillOn;

    ListenedCall(B2bCall call, MediaAnchor anchor, boolean agentIsCaller, BooleanSupplier stillOn) {
        this.call = call;
        this.anchor = anchor;
        this.agentIsCaller = agentIsCaller;
        this.stillOn = stillOn;
    }

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public MediaSession agent() {
        return anchor.side(agentIsCaller);
    }

    @Override
    public MediaSession other() {
        return anchor.side(!agentIsCaller);
    }

    @Override
    public boolean whileBridged(Runnable task) {
        synchronized (call) {
            if (!stillOn.getAsBoolean() || !anchor.bridged()) {
                return false;
            }
            task.run();
            return true;
        }
    }

    @Override
    public void whenOver(Runnable task) {
        anchor.whenUnbridged(task);
    }
}
