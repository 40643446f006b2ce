package org.reachpbx.server.recording;

import java.util.Set;
import java.util.concurrent.Executor;
import org.reachpbx.server.sip.b2bua.CallRecordings;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls (REC-01): a call answered with its caller or its answering user holding the
 * recording right (and the facility on) is recorded, both parties, until it ends; the recording is
 * stored off the media threads. One recording per call, under the user whose right made it (the
 * answering user first: an incoming call is that user's call).
 */
class CallRecorder implements CallRecordings {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final RecordingRights rights;
    private final RecordingStore store;
    private final Executor background;

    CallRecorder(RecordingRights rights, RecordingStore store, Executor background) {
        this.rights = rights;
        this.store = store;
        this.background = background;
    }

    @Override
    public boolean anchorsFor(long tenantId) {
        return !rights.of(tenantId).isEmpty();
    }

    @Override
    public void answered(MediaAnchor anchor, Answered call) {
        Set<String> recorded = rights.of(call.tenantId());
        String user = call.answeringUser() != null && recorded.contains(call.answeringUser()) ? call.answeringUser()
                : call.callerUser() != null && recorded.contains(call.callerUser()) ? call.callerUser() : null;
        if (user == null) {
            return;
        }
        log.debug("Call {}: recorded for {}", call.callId(), user);
        anchor.record(store.maxLength(), (caller, callee) -> background.execute(() -> {
            try {
                store.store(call.tenantId(), call.callId(), user, call.callerNumber(), call.called(), call.at(),
                        caller, callee);
            } catch (Exception e) {
                log.warn("Call {}: recording not stored: {}", call.callId(), e.toString());
            }
        }));
    }
}
