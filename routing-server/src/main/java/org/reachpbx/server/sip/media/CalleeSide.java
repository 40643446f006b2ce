package org.reachpbx.server.sip.media;

import java.nio.charset.StandardCharsets;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.sdp.Direction;
import org.reachpbx.media.sdp.SdpAnswer;
import org.reachpbx.media.sdp.SdpNegotiator;
import org.reachpbx.media.sdp.SdpNotAcceptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's media session towards the legs rung after a menu or service answered the caller:
 * they get the server's offer, and the one that answers is bridged to the caller's session.
 */
final class CalleeSide {

    private static final Logger log = LoggerFactory.getLogger(CalleeSide.class);

    private final MediaServices services;
    private final MediaSession session;
    private final SdpNegotiator sdp = new SdpNegotiator();

    private CalleeSide(MediaServices services, MediaSession session) {
        this.services = services;
        this.session = session;
    }

    /** A session for the called legs; null when no ports are free. */
    static CalleeSide open(MediaServices services) {
        try {
            return new CalleeSide(services, services.engine().open());
        } catch (NoFreePortException e) {
            log.warn("No free RTP ports for the called party of an answered call: {}", e.getMessage());
            return null;
        }
    }

    String offer() {
        return sdp.offer(services.codecs(), services.address(), session.rtpPort(), Direction.SENDRECV,
                SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT);
    }

    /** The callee's answer: connected and bridged to the caller; null (session kept) when unusable. */
    MediaAnchor bridge(byte[] answer, CallerLeg leg, MediaSession callerSession, SdpNegotiator callerSdp) {
        SdpAnswer a;
        try {
            a = sdp.acceptAnswer(new String(answer, StandardCharsets.UTF_8), services.codecs(), Direction.SENDRECV);
        } catch (SdpNotAcceptable e) {
            log.info("Call {}: the called party's answer is not usable: {}", leg.callId(), e.getMessage());
            return null;
        }
        session.connect(a.remote(), a.codec(), a.telephoneEventPt());
        session.setSending(a.weSend());
        return MediaAnchor.bridged(services, leg.tenantId(), leg.callId(), callerSession, callerSdp, session, sdp);
    }

    void close() {
        session.close();
    }
}
