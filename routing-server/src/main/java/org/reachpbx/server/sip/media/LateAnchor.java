package org.reachpbx.server.sip.media;

import java.nio.charset.StandardCharsets;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.sdp.Direction;
import org.reachpbx.media.sdp.SdpAnswer;
import org.reachpbx.media.sdp.SdpNegotiator;
import org.reachpbx.media.sdp.SdpNotAcceptable;

/**
 * Anchoring a call whose media went end to end, when a service needs it after all ({@code
 * anchor-media: when-needed}; a transfer, a park): each party is re-INVITEd with an offer of its own
 * server session; when both answered, the two sessions are bridged as a {@link MediaAnchor}. The
 * B2BUA sends the re-INVITEs and hands over the answers.
 */
public final class LateAnchor {

    private final MediaServices services;
    private final long tenantId;
    private final String callId;
    private final MediaSession callerSide;
    private final MediaSession calleeSide;
    private final SdpNegotiator callerSdp = new SdpNegotiator();
    private final SdpNegotiator calleeSdp = new SdpNegotiator();
    private boolean callerDone;
    private boolean calleeDone;

    private LateAnchor(MediaServices services, long tenantId, String callId, MediaSession callerSide,
                       MediaSession calleeSide) {
        this.services = services;
        this.tenantId = tenantId;
        this.callId = callId;
        this.callerSide = callerSide;
        this.calleeSide = calleeSide;
    }

    /** Two sessions for the call; null when no RTP ports are free. */
    public static LateAnchor open(MediaServices services, long tenantId, String callId) {
        MediaSession a;
        try {
            a = services.engine().open();
        } catch (NoFreePortException e) {
            return null;
        }
        try {
            return new LateAnchor(services, tenantId, callId, a, services.engine().open());
        } catch (NoFreePortException e) {
            a.close();
            return null;
        }
    }

    /** The offer of the re-INVITE to the caller ({@code true}) or the called party. */
    public String offer(boolean toCaller) {
        MediaSession side = toCaller ? callerSide : calleeSide;
        return (toCaller ? callerSdp : calleeSdp).offer(services.codecs(), services.address(), side.rtpPort(),
                Direction.SENDRECV, SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT);
    }

    /** A party's answer to our re-INVITE: its session connected. False when the answer is unusable. */
    public boolean answered(boolean fromCaller, byte[] answer) {
        if (answer == null || answer.length == 0) {
            return false;
        }
        MediaSession side = fromCaller ? callerSide : calleeSide;
        try {
            SdpAnswer a = (fromCaller ? callerSdp : calleeSdp).acceptAnswer(new String(answer, StandardCharsets.UTF_8),
                    services.codecs(), Direction.SENDRECV);
            side.connect(a.remote(), a.codec(), a.telephoneEventPt());
            side.setSending(a.weSend());
        } catch (SdpNotAcceptable e) {
            return false;
        }
        if (fromCaller) {
            callerDone = true;
        } else {
            calleeDone = true;
        }
        return true;
    }

    /** Both parties answered. */
    public boolean complete() {
        return callerDone && calleeDone;
    }

    /** The anchor of the call from now on (both parties have answered). */
    public MediaAnchor bridge() {
        return MediaAnchor.bridged(services, tenantId, callId, callerSide, callerSdp, calleeSide, calleeSdp);
    }

    /** Gives the sessions back (a re-INVITE failed, or the call ended meanwhile). */
    public void close() {
        callerSide.close();
        calleeSide.close();
    }
}
