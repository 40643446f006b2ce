package org.reachpbx.server.sip.services;

import java.util.List;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.server.sip.media.MediaScript;

/**
 * The calls in progress as the B2BUA knows them, for the services that take a call over: call
 * pickup (GEN-02) takes a ringing call, device switch (GEN-01) an answered one.
 */
public interface CallsInProgress {

    /** The account's ringing calls: id, the user it rings at, the group it came through, since when. */
    List<RingingCall> ringing(long tenantId);

    /**
     * Stops the call's ringing legs and answers its caller with {@code script} instead; false when
     * the call is not ringing any more (answered meanwhile, or gone).
     */
    boolean pickUp(String callId, MediaScript script);

    /** The channels on which {@code user} has answered a call that is up now. */
    List<String> answeredOn(long tenantId, String user);

    /**
     * Releases {@code user}'s leg on {@code channel} of an answered call and hands its other party to
     * {@code script}; false when there is no such call.
     */
    boolean moveAnswered(long tenantId, String user, String channel, MediaScript script);
}
