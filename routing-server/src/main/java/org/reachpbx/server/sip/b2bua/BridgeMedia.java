package org.reachpbx.server.sip.b2bua;

import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.media.sdp.SdpNotAcceptable;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.reachpbx.server.sip.media.MediaServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a bridged call does with media, so {@link B2bCall} only asks: the SDP goes end to end, or
 * the call is anchored in the server ({@link MediaAnchor}); and while one party holds, the other
 * hears the music ({@link HoldMusic}). Runs under the call's lock.
 */
final class BridgeMedia {

    private static final Logger log = LoggerFactory.getLogger(BridgeMedia.class);

    private final MediaServices services;
    private final long tenantId;
    /** The caller channel's anchor-media, else its tenant's; null: the server's default. */
    private final AnchorMedia anchorMedia;
    private final String callId;
    private final byte[] callerOffer;
    private MediaAnchor anchor;
    private boolean anchorDecided;
    private HoldMusic music;

    /** {@code forRecording}: the tenant records calls (REC-01), so the media runs through the server. */
    BridgeMedia(MediaServices services, B2bCall.Setup setup, String callId, byte[] callerOffer, boolean forRecording) {
        this.services = services;
        this.tenantId = setup.tenantId();
        this.anchorMedia = forRecording ? AnchorMedia.ALWAYS
                : setup.view() == null ? null : setup.view().anchorMediaOf(setup.callerChannel());
        this.callId = callId;
        this.callerOffer = callerOffer;
    }

    /** The SDP a called leg is offered: the server's when anchored, else null (the caller's as it is). */
    String offerToCallee() {
        if (!anchorDecided) {
            anchorDecided = true;
            anchor = services == null ? null : services.anchor(tenantId, anchorMedia, callId, callerOffer);
        }
        return anchor == null ? null : anchor.offerToCallee();
    }

    /** The caller's and the callee's sessions bridged after the server answered the caller (a menu ran). */
    void adopt(MediaAnchor bridged) {
        anchorDecided = true;
        anchor = bridged;
    }

    /** The bridge, given up for a transfer (the caller's side is taken back); null when not anchored. */
    MediaAnchor release() {
        MediaAnchor a = anchor;
        anchor = null;
        return a;
    }

    /** Attended transfer: the bridge ends, the staying side's session is kept (see {@link MediaAnchor#keep}). */
    org.reachpbx.media.MediaSession keepSide(boolean caller) {
        if (music != null) {
            music.stop();
            music = null;
        }
        return anchor.keep(caller);
    }

    /** The anchor, or null when the media goes end to end. */
    MediaAnchor anchor() {
        return anchor;
    }

    boolean anchored() {
        return anchor != null;
    }

    /** The caller's answer for the called party's SDP (anchored calls); null when it is not usable. */
    String answerForCaller(byte[] calleeSdp) {
        try {
            return anchor.calleeAnswered(calleeSdp);
        } catch (SdpNotAcceptable e) {
            log.info("Call {}: the called party's SDP is not usable for the anchored media: {}", callId, e.getMessage());
            return null;
        }
    }

    /** Whether this in-dialog request is answered here instead of relayed (an anchored call's new offer). */
    boolean answersHere(Request in) {
        return anchor != null && in.getRawContent() != null
                && (Request.INVITE.equals(in.getMethod()) || Request.UPDATE.equals(in.getMethod()));
    }

    /** An anchored call's re-INVITE or UPDATE: answered here; the other leg is not disturbed. */
    void answerHere(boolean fromCaller, ServerTransaction st) {
        Request in = st.getRequest();
        try {
            Response out;
            try {
                String answer = anchor.reoffer(fromCaller, in.getRawContent());
                out = services.sip().messages().createResponse(Response.OK, in);
                out.addHeader(services.sip().contactHeader(((ViaHeader) in.getHeader(ViaHeader.NAME)).getTransport()));
                out.setContent(answer, services.sip().headers().createContentTypeHeader("application", "sdp"));
            } catch (SdpNotAcceptable e) {
                out = services.sip().messages().createResponse(Response.NOT_ACCEPTABLE_HERE, in);
            }
            st.sendResponse(out);
        } catch (Exception e) {
            log.info("Call {}: could not answer an anchored {}: {}", callId, in.getMethod(), e.toString());
        }
    }

    /** A hold re-INVITE to relay: the music the held party gets instead of the hold SDP, or null. */
    HoldMusic holdMusicFor(Request in) {
        return Request.INVITE.equals(in.getMethod()) && music == null && services != null
                && HoldMusic.isHold(in.getRawContent()) ? services.holdMusic(tenantId, callId) : null;
    }

    /** After a relayed request's final answer: the music starts when accepted, stops on a resume. */
    void relayAnswered(HoldMusic started, Request in, Response r, boolean stillBridged) {
        if (r.getStatusCode() < 200) {
            return;
        }
        boolean ok = r.getStatusCode() < 300;
        if (started != null) {
            if (ok && stillBridged) {
                music = started;
                music.answered(r.getRawContent());
            } else {
                started.stop();
            }
        } else if (ok && music != null && Request.INVITE.equals(in.getMethod()) && !HoldMusic.isHold(in.getRawContent())) {
            music.stop();
            music = null;
        }
    }

    /** The call ended: every session goes back. */
    void close() {
        if (music != null) {
            music.stop();
            music = null;
        }
        if (anchor != null) {
            anchor.close();
        }
    }
}
