package org.reachpbx.server.sip.services;

import java.util.List;
import java.util.function.Consumer;
import org.reachpbx.media.MediaSession;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.server.sip.media.MediaScript;

/**
 * The calls in progress as the B2BUA knows them, for the services that take a call over: call
 * pickup (GEN-02) takes a ringing call, device switch (GEN-01) an answered one, listen-in (LSN)
 * joins one.
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

    /** How many answered calls {@code user} is in now, as the caller or the called party (LSN-02). */
    int answeredCalls(long tenantId, String user);

    /**
     * LSN-02: {@code then} gets an answered call of {@code user} (not {@code exceptCallId}) once its
     * media runs through the server (re-INVITEd there first when it went end to end); false when
     * {@code user} has no such call. {@code then} runs under that call's lock.
     */
    boolean listenIn(long tenantId, String user, String exceptCallId, Consumer<Listened> then);

    /**
     * LSN-02: {@code then} gets {@code user}'s next answered call as {@link #listenIn} would, once;
     * until {@link Waiting#cancel()}. While someone waits, the account's new calls are anchored.
     */
    Waiting awaitNextCall(long tenantId, String user, Consumer<Listened> then);

    /** A supervisor waiting for an agent's next call. */
    interface Waiting {
        void cancel();
    }

    /**
     * An answered call a supervisor listens to: the sessions at the server facing the agent and the
     * other party. The call's lock is taken after the supervisor's, never the other way round.
     */
    interface Listened {
        String callId();

        MediaSession agent();

        MediaSession other();

        /** {@code task} under the call's lock while the parties are still bridged in the server; false when not. */
        boolean whileBridged(Runnable task);

        /**
         * {@code task} runs once when the call ends or a transfer takes it apart, under the call's
         * lock and before its media changes: short, no other lock.
         */
        void whenOver(Runnable task);
    }
}
