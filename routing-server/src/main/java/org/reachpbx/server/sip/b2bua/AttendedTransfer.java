package org.reachpbx.server.sip.b2bua;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.header.extensions.ReplacesHeader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.media.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attended transfer by the phone's transfer key (GEN-05, RFC 3891): the user talks to one party,
 * puts it on hold, consults a second party in a call of its own, and presses transfer; the phone
 * sends REFER on the held call with {@code Refer-To: <target?Replaces=consultation dialog>}. Both
 * far parties are already the server's legs, so no new INVITE is needed: each of the two calls lets
 * the transferor's leg go (BYE), keeps its other party's media session, and the two sessions are
 * bridged. When one of the two remaining parties hangs up, the other call is ended too.
 *
 * <p>Works on calls whose media runs through the server: a call whose media went end to end is
 * re-INVITEd into the server first ({@link Reanchoring}). The two calls have their own locks, so the
 * second call is reached from a background thread, never one lock inside the other.
 */
final class AttendedTransfer {

    private static final Logger log = LoggerFactory.getLogger(AttendedTransfer.class);

    private final B2bua b2b;
    private final B2bCall held;

    AttendedTransfer(B2bua b2b, B2bCall held) {
        this.b2b = b2b;
        this.held = held;
    }

    /**
     * The Replaces of a REFER's Refer-To (the URI header {@code ?Replaces=…}, RFC 3891 §7), parsed
     * by the SIP stack's header factory; null when the REFER has none (a blind transfer).
     */
    static ReplacesHeader replaces(B2bua b2b, Request refer) {
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        if (referTo == null || !(referTo.getAddress().getURI() instanceof SipURI uri)) {
            return null;
        }
        String escaped = uri.getHeader(ReplacesHeader.NAME);
        if (escaped == null) {
            return null;
        }
        try {
            // URI headers are %-escaped (RFC 3261 §19.1.1); '+' is a literal there, not a space.
            String value = URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
            return (ReplacesHeader) b2b.sip().headers().createHeader(ReplacesHeader.NAME, value);
        } catch (Exception e) {
            log.info("Unusable Replaces in Refer-To: {}", e.toString());
            return null;
        }
    }

    /**
     * The REFER with Replaces arrived on {@code transferor}'s dialog of the held call (under that
     * call's lock): refused at once when it names no consultation call of this server or the media
     * is not at the server; else accepted (202) and carried out off the SIP thread.
     */
    void refer(Dialog transferor, ServerTransaction st, ReplacesHeader replaces) throws Exception {
        Dialog consultationDialog = ((SipStackExt) b2b.sip().provider().getSipStack()).getReplacesDialog(replaces);
        Object owner = consultationDialog == null ? null : consultationDialog.getApplicationData();
        B2bCall consultation = owner instanceof B2bCall c ? c : owner instanceof Branch b ? b.call : null;
        if (consultation == null || consultation == held) {
            refuse(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Replaces names no other call of this server");
            return;
        }
        if (b2b.media() == null) {
            refuse(st, Response.NOT_IMPLEMENTED, "attended transfer needs the media plane (pbx.media.enabled)");
            return;
        }
        if (!held.answeredWithParty(transferor)) {
            refuse(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "the transferor is no party of an answered call");
            return;
        }
        st.sendResponse(b2b.sip().messages().createResponse(Response.ACCEPTED, st.getRequest()));
        // Both calls' media must be at the server (calls whose media went end to end are re-INVITEd
        // into it first), one call at a time. On the media services' background threads, not the ring
        // timers' single thread: a ring timer waiting for a call's lock must not hold the transfer up,
        // nor the transfer a timer; and never one call's lock inside the other's.
        Runnable failed = () -> b2b.media().background(
                () -> held.notifyTransferor(transferor, "SIP/2.0 503 Service Unavailable"));
        b2b.media().background(() -> held.withMediaAtServer(
                () -> b2b.media().background(() -> consultation.withMediaAtServer(
                        () -> b2b.media().background(() -> {
                            try {
                                join(transferor, consultation, consultationDialog);
                            } catch (RuntimeException e) {
                                log.warn("Call {}: attended transfer failed", held.callId(), e);
                            }
                        }), failed)),
                failed));
    }

    /** Off the SIP thread: each call lets the transferor go, one lock at a time; then the two stay bridged. */
    private void join(Dialog transferor, B2bCall consultation, Dialog consultationDialog) {
        Joined link = new Joined(held, consultation);
        MediaSession consulted = consultation.leaveForTransfer(consultationDialog, link::ended);
        if (consulted == null) {
            log.info("Call {}: attended transfer failed: the consultation call {} cannot be taken over",
                    held.callId(), consultation.callId());
            held.notifyTransferor(transferor, "SIP/2.0 503 Service Unavailable");
            return;
        }
        MediaSession kept = held.leaveForTransfer(transferor, link::ended);
        if (kept == null) {
            consultation.hangUpAfterTransfer();
            return;
        }
        kept.bridge(consulted);
        held.notifyTransferorThenBye(transferor);
        consultation.byeTransferor(consultationDialog);
        log.info("Call {}: attended transfer; its party now talks to the party of call {}", held.callId(),
                consultation.callId());
    }

    /** The two calls joined by the transfer: when one ends, the other is hung up (off its lock). */
    private final class Joined {
        private final B2bCall first;
        private final B2bCall second;
        private boolean over;

        Joined(B2bCall first, B2bCall second) {
            this.first = first;
            this.second = second;
        }

        void ended(B2bCall call) {
            B2bCall other;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                other = call == first ? second : first;
            }
            b2b.media().background(other::hangUpAfterTransfer);
        }
    }

    private void refuse(ServerTransaction st, int status, String reason) throws Exception {
        Response r = b2b.sip().messages().createResponse(status, st.getRequest());
        r.addHeader(b2b.sip().headers().createReasonHeader("SIP", status, reason));
        st.sendResponse(r);
        log.info("Call {}: attended transfer refused with {}: {}", held.callId(), status, reason);
    }
}
