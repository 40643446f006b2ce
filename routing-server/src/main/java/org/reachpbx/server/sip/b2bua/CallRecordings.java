package org.reachpbx.server.sip.b2bua;

import java.time.Instant;
import org.reachpbx.server.sip.media.MediaAnchor;

/**
 * Call recording as the B2BUA sees it (REC-01): whether a tenant's calls must run through the
 * server so they can be recorded, and the moment an anchored call is answered.
 */
public interface CallRecordings {

    /** Without recording: nothing is anchored for it and nothing recorded. */
    CallRecordings NONE = new CallRecordings() {
        @Override
        public boolean anchorsFor(long tenantId) {
            return false;
        }

        @Override
        public void answered(MediaAnchor anchor, Answered call) {
        }
    };

    /** The tenant records calls (facility on, some user with the right): its calls are anchored. */
    boolean anchorsFor(long tenantId);

    /** What is known of a call when it is answered. */
    record Answered(long tenantId, String callId, String callerUser, String callerNumber, String called,
                    String answeringUser, Instant at) {
    }

    /** An anchored call was answered: recorded when its caller or answering user has the right. */
    void answered(MediaAnchor anchor, Answered call);
}
