package org.reachpbx.server.sip.services;

import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two calls the server answered, talking to each other through it: a retrieved parked call and the
 * retriever, a picked-up caller and the phone that picked it up. Each call runs {@link #side()};
 * when both have media their sessions are bridged, and when one party hangs up the other call is
 * ended too. The two calls have their own locks, so the other call is always reached from a
 * background thread (never one lock inside the other).
 */
public final class CallJoin {

    private static final Logger log = LoggerFactory.getLogger(CallJoin.class);

    private ServedCall first;
    private ServedCall second;
    private boolean ended;

    /** The script one of the two calls runs. */
    public MediaScript side() {
        return new MediaScript() {
            @Override
            public void start(ServedCall call) {
                joined(call);
            }

            @Override
            public boolean callerHungUp(ServedCall call) {
                left(call);
                return false;
            }
        };
    }

    private void joined(ServedCall call) {
        ServedCall other;
        synchronized (this) {
            if (ended) {
                other = null;
            } else if (first == null) {
                first = call;
                return;
            } else {
                second = call;
                other = first;
            }
        }
        if (other == null) {
            call.hangUp(); // the other party left before this one had media
            return;
        }
        call.media().bridge(other.media());
        log.debug("Calls {} and {} joined", other.leg().callId(), call.leg().callId());
    }

    private void left(ServedCall call) {
        ServedCall other;
        synchronized (this) {
            ended = true;
            other = call == first ? second : first;
        }
        call.media().bridge(null);
        if (other != null) {
            call.services().background(() -> other.leg().locked(other::hangUp));
        }
    }
}
