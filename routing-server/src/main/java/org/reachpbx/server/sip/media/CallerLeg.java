package org.reachpbx.server.sip.media;

import org.reachpbx.rules.view.TenantView;

/**
 * What a service run by the server needs from the call it answers: who calls whom, the caller's
 * SDP offer, and the SIP acts on the caller's leg (answer, refuse, hang up). The B2BUA's call
 * implements it; everything media-specific stays in this package.
 */
public interface CallerLeg {

    String callId();

    long tenantId();

    TenantView view();

    /** The caller's number as presented (may be null: anonymous). */
    String callerNumber();

    String callerName();

    /** The calling user's extension when a user of this tenant calls, else null. */
    String callerUser();

    /** The channel (phone account) the call comes from, or null for a trunk call. */
    String callerChannel();

    /** The language the server speaks to the caller: the caller's channel's (CH-05), else Dutch. */
    default org.reachpbx.rules.vocabulary.Language language() {
        org.reachpbx.rules.view.ChannelView c = callerChannel() == null ? null : view().channel(callerChannel());
        return c == null || c.language() == null ? org.reachpbx.rules.vocabulary.Language.NL : c.language();
    }

    /** How the caller's phone sends its keys: its channel's DTMF mode (CH-02); a trunk's callers RFC 4733. */
    default org.reachpbx.rules.vocabulary.DtmfMode dtmfMode() {
        org.reachpbx.rules.view.ChannelView c = callerChannel() == null || view() == null ? null : view().channel(callerChannel());
        return c == null || c.dtmfMode() == null ? org.reachpbx.rules.vocabulary.DtmfMode.RFC4733 : c.dtmfMode();
    }

    /** What the caller dialled. */
    String called();

    /** The SDP offer in the caller's INVITE, or null (late offer: ours goes in the 200, theirs in the ACK). */
    String offer();

    /** 200 OK to the caller's INVITE with our SDP: the server answers the call. */
    void answer(String sdp);

    /** A final refusal of the caller's INVITE (e.g. 488, 503); the call ends. */
    void refuse(int status, String reason);

    /** The server ends the answered call: BYE to the caller; the call ends. */
    void hangUp();

    /**
     * The caller keyed {@code digits} at the menu of {@code resumeAt}: the rules decide again (with
     * the display prefix the call had there) and the call carries the new decision out.
     */
    void decideAgain(String resumeAt, String digits, String displayPrefix);

    /**
     * Rings {@code targets} for at most {@code seconds} while the caller stays answered by the server
     * (a queue offering its call to agents): the legs carry the headers the rules put on this call's
     * decision (the ACD Alert-Info, RING-01/02); the first to answer is bridged to the caller.
     */
    void ringAgents(java.util.List<org.reachpbx.rules.decision.RingTarget> targets, int seconds, AgentRing outcome);

    /** The caller answered by the server goes on to {@code extension} (a queue's continuation), decided as a call to it. */
    void continueTo(String extension);

    /** Runs {@code task} under the call's lock (media callbacks come from the media engine's thread). */
    void locked(Runnable task);
}
