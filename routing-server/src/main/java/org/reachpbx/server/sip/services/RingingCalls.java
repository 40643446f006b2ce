package org.reachpbx.server.sip.services;

import java.util.List;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.server.sip.media.MediaScript;

/** The calls ringing now (not answered), as the B2BUA knows them: for call pickup (GEN-02). */
public interface RingingCalls {

    /** The account's ringing calls: id, the user it rings at, the group it came through, since when. */
    List<RingingCall> ringing(long tenantId);

    /**
     * Stops the call's ringing legs and answers its caller with {@code script} instead; false when
     * the call is not ringing any more (answered meanwhile, or gone).
     */
    boolean pickUp(String callId, MediaScript script);
}
