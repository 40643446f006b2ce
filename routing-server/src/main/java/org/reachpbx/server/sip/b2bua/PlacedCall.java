package org.reachpbx.server.sip.b2bua;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.sdp.Direction;
import org.reachpbx.media.sdp.SdpAnswer;
import org.reachpbx.media.sdp.SdpNegotiator;
import org.reachpbx.media.sdp.SdpNotAcceptable;
import org.reachpbx.server.sip.media.MediaServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the server places itself on behalf of a user who is in a call already: the consultation of
 * {@code ##<dest>#} (GEN-05/06). The server is the calling phone here, with a media session of its
 * own as the phone's audio, and sends the INVITE to its own SIP port: it arrives as a new call of the
 * user's channel ({@link PlacedCalls} vouches for it instead of a digest) and the routing rules and
 * the B2BUA handle it like any call the user dials (barring, REACH of the destination, forwards,
 * voicemail, a call record of its own). What is said to whom stays with the owner ({@link Party}).
 *
 * <p>Every method runs under the owner's lock ({@link B2bCall#locked}).
 */
final class PlacedCall {

    private static final Logger log = LoggerFactory.getLogger(PlacedCall.class);
    /** The From tag is part of what vouches for the INVITE at our own port: not guessable. */
    private static final java.security.SecureRandom TAGS = new java.security.SecureRandom();

    /** Who placed the call, told of each step (under its own lock). */
    interface Party {
        /** The destination rings (no early media): the user should hear ringback. */
        void ringing(PlacedCall call);

        /** Answered (or early media): {@link #session()} now speaks to the destination. */
        void answered(PlacedCall call);

        /** Not reached (busy, refused, not answered), or hung up by the far end; the session is closed. */
        void ended(PlacedCall call, int status);
    }

    enum State { CALLING, EARLY, TALKING, ENDED }

    private final B2bua b2b;
    private final B2bCall owner;
    private final Party party;
    private final MediaSession session;
    private final SdpNegotiator sdp = new SdpNegotiator();
    private final String callId;
    private ClientTransaction invite;
    private Dialog dialog;
    private State state = State.CALLING;
    private boolean cancelled;
    private boolean cancelSent;
    private boolean heard;

    private PlacedCall(B2bua b2b, B2bCall owner, Party party, MediaSession session, String callId) {
        this.b2b = b2b;
        this.owner = owner;
        this.party = party;
        this.session = session;
        this.callId = callId;
    }

    /**
     * Calls {@code dialled} as {@code user} on {@code channel} of the owner's tenant; null when no RTP
     * port is free or the INVITE could not be sent (the user stays where it was).
     */
    static PlacedCall dial(B2bua b2b, B2bCall owner, Party party, String user, String channel, String dialled) {
        MediaServices media = b2b.media();
        MediaSession session;
        try {
            session = media.engine().open();
        } catch (NoFreePortException e) {
            log.warn("Call {}: no free RTP port to call {} for {}", owner.callId(), dialled, user);
            return null;
        }
        var sip = b2b.sip();
        String callId = sip.provider().getNewCallId().getCallId();
        PlacedCall call = new PlacedCall(b2b, owner, party, session, callId);
        try {
            call.sendInvite(user, channel, dialled);
            return call;
        } catch (Exception e) {
            log.warn("Call {}: could not call {} for {}: {}", owner.callId(), dialled, user, e.toString());
            b2b.placed().forget(callId);
            session.close();
            return null;
        }
    }

    private void sendInvite(String user, String channel, String dialled) throws Exception {
        var sip = b2b.sip();
        var h = sip.headers();
        String domain = owner.setup().domain();
        String self = ownAddress(sip.host());
        SipURI target = sip.addresses().createSipURI(dialled, self);
        target.setPort(sip.port());
        String fromTag = Long.toHexString(TAGS.nextLong());
        Request r = sip.messages().createRequest(target, Request.INVITE, h.createCallIdHeader(callId),
                h.createCSeqHeader(1L, Request.INVITE),
                h.createFromHeader(sip.addresses().createAddress(sip.addresses().createSipURI(channel, domain)), fromTag),
                h.createToHeader(sip.addresses().createAddress(sip.addresses().createSipURI(dialled, domain)), null),
                List.of(h.createViaHeader(sip.advertisedHost(), sip.port(), "udp", null)),
                h.createMaxForwardsHeader(70));
        r.addHeader(sip.contactHeader("udp"));
        r.setContent(sdp.offer(b2b.media().codecs(), b2b.media().address(), session.rtpPort(), Direction.SENDRECV,
                SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT), h.createContentTypeHeader("application", "sdp"));
        b2b.placed().expect(callId, fromTag, new PlacedCalls.Origin(owner.tenantId(), user, channel, domain));
        invite = sip.provider().getNewClientTransaction(r);
        invite.setApplicationData(this);
        dialog = sip.provider().getNewDialog(invite);
        dialog.setApplicationData(this);
        invite.sendRequest();
        log.info("Call {}: {} calls {} from within the call (call {})", owner.callId(), user, dialled, callId);
    }

    /** The server's own SIP address to send to: its listening address, loopback when it listens on all. */
    private static String ownAddress(String host) {
        try {
            return host == null || InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }

    /** The server's session that speaks to the destination: bridge it, mix it, or play to it. */
    MediaSession session() {
        return session;
    }

    boolean talking() {
        return state == State.TALKING;
    }

    /** A response to our INVITE (from the SIP thread, under the owner's lock). */
    void response(Response r) {
        int status = r.getStatusCode();
        if (state == State.ENDED) {
            // Hung up before it was answered: a CANCEL once it can be sent, a late 2xx closed.
            if (status >= 200 && status < 300) {
                ackAndBye(r);
            } else if (status > 100 && status < 200 && cancelled) {
                cancel();
            }
            return;
        }
        if (status == Response.TRYING) {
            return;
        }
        try {
            if (status < 200) {
                if (state == State.CALLING) {
                    state = State.EARLY;
                    if (connect(r) && !heard) {
                        heard = true;
                        party.answered(this);
                    } else if (!heard) {
                        party.ringing(this);
                    }
                }
                return;
            }
            if (status < 300) {
                Request ack = dialog.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber());
                dialog.sendAck(ack);
                if (!connect(r)) {
                    log.info("Call {}: the placed call {} was answered without usable SDP", owner.callId(), callId);
                    bye();
                    end(Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                state = State.TALKING;
                heard = true;
                party.answered(this);
                return;
            }
            end(status);
        } catch (Exception e) {
            log.info("Call {}: the placed call {} failed on a {}: {}", owner.callId(), callId, status, e.toString());
            bye();
            end(Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** Connects the session to the SDP answer of a 18x or 2xx; false when there is none usable. */
    private boolean connect(Response r) {
        byte[] body = r.getRawContent();
        if (body == null || body.length == 0) {
            return false;
        }
        try {
            SdpAnswer a = sdp.acceptAnswer(new String(body, StandardCharsets.UTF_8), b2b.media().codecs(),
                    Direction.SENDRECV);
            session.connect(a.remote(), a.codec(), a.telephoneEventPt());
            session.setSending(a.weSend());
            return true;
        } catch (SdpNotAcceptable e) {
            return false;
        }
    }

    /** The INVITE's transaction timed out. */
    void timeout() {
        end(Response.REQUEST_TIMEOUT);
    }

    /** A request inside the placed call's dialog: BYE ends it, a new offer is answered here, the rest is acknowledged. */
    void request(ServerTransaction st) {
        Request in = st.getRequest();
        try {
            if (Request.BYE.equals(in.getMethod())) {
                st.sendResponse(b2b.sip().messages().createResponse(Response.OK, in));
                end(Response.OK);
                return;
            }
            if ((Request.INVITE.equals(in.getMethod()) || Request.UPDATE.equals(in.getMethod()))
                    && in.getRawContent() != null && state != State.ENDED) {
                Response ok = b2b.sip().messages().createResponse(Response.OK, in);
                try {
                    SdpAnswer a = sdp.answer(new String(in.getRawContent(), StandardCharsets.UTF_8),
                            b2b.media().codecs(), b2b.media().address(), session.rtpPort(), Direction.SENDRECV);
                    session.connect(a.remote(), a.codec(), a.telephoneEventPt());
                    session.setSending(a.weSend());
                    ok.addHeader(b2b.sip().contactHeader(((ViaHeader) in.getHeader(ViaHeader.NAME)).getTransport()));
                    ok.setContent(a.sdp(), b2b.sip().headers().createContentTypeHeader("application", "sdp"));
                } catch (SdpNotAcceptable e) {
                    ok = b2b.sip().messages().createResponse(Response.NOT_ACCEPTABLE_HERE, in);
                }
                st.sendResponse(ok);
                return;
            }
            st.sendResponse(b2b.sip().messages().createResponse(
                    state == State.ENDED ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, in));
        } catch (Exception e) {
            log.info("Call {}: the placed call {} could not answer a {}: {}", owner.callId(), callId, in.getMethod(),
                    e.toString());
        }
    }

    /** The user is done with it: CANCEL while it rings, BYE once answered; the session closes. */
    void hangUp() {
        if (state == State.ENDED) {
            return;
        }
        if (state == State.TALKING) {
            bye();
        } else {
            cancelled = true;
            if (state == State.EARLY) {
                cancel();
            } // still CALLING: the CANCEL goes out with the first provisional answer
        }
        state = State.ENDED;
        session.close();
        b2b.placed().forget(callId);
    }

    private void cancel() {
        if (cancelSent) {
            return;
        }
        cancelSent = true;
        try {
            b2b.sip().provider().getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (Exception e) {
            log.debug("Call {}: CANCEL of the placed call failed: {}", owner.callId(), e.toString());
        }
    }

    private void bye() {
        try {
            dialog.sendRequest(b2b.sip().provider().getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (Exception e) {
            log.debug("Call {}: BYE of the placed call failed: {}", owner.callId(), e.toString());
        }
    }

    private void ackAndBye(Response r) {
        try {
            dialog.sendAck(dialog.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            dialog.sendRequest(b2b.sip().provider().getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (Exception e) {
            log.debug("Call {}: late 2xx of the placed call not closed: {}", owner.callId(), e.toString());
        }
    }

    private void end(int status) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        session.close();
        b2b.placed().forget(callId);
        party.ended(this, status);
    }

    B2bCall owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "placed call " + callId;
    }
}
