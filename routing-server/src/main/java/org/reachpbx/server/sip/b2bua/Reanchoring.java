package org.reachpbx.server.sip.b2bua;

import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.server.sip.media.LateAnchor;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the media of an answered call into the server when a service needs it and the call's
 * media went end to end ({@code anchor-media: when-needed}): both parties are re-INVITEd with the
 * server's own sessions; when both answered, {@code then} gets the call's new anchor. A refused or
 * unusable answer gives the sessions back and runs {@code failed}.
 */
final class Reanchoring {

    private static final Logger log = LoggerFactory.getLogger(Reanchoring.class);

    /** What our re-INVITE's client transaction carries: whose answer it waits for. */
    record Leg(Reanchoring owner, boolean caller, Dialog dialog) {
    }

    private final B2bua b2b;
    private final B2bCall call;
    private final LateAnchor anchor;
    private final Consumer<MediaAnchor> then;
    private final Runnable failed;
    private boolean over;

    private Reanchoring(B2bua b2b, B2bCall call, LateAnchor anchor, Consumer<MediaAnchor> then, Runnable failed) {
        this.b2b = b2b;
        this.call = call;
        this.anchor = anchor;
        this.then = then;
        this.failed = failed;
    }

    B2bCall call() {
        return call;
    }

    /** Re-INVITEs both parties (under the call's lock); {@code failed} runs at once when no ports are free. */
    static void start(B2bua b2b, B2bCall call, Dialog callerDialog, Dialog calleeDialog,
                      Consumer<MediaAnchor> then, Runnable failed) {
        LateAnchor anchor = LateAnchor.open(b2b.media(), call.tenantId(), call.callId());
        if (anchor == null) {
            log.warn("Call {}: no free RTP ports to anchor the media for a service", call.callId());
            failed.run();
            return;
        }
        Reanchoring r = new Reanchoring(b2b, call, anchor, then, failed);
        r.send(callerDialog, true);
        r.send(calleeDialog, false);
    }

    private void send(Dialog dialog, boolean caller) {
        try {
            Request re = dialog.createRequest(Request.INVITE);
            re.setContent(anchor.offer(caller), b2b.sip().headers().createContentTypeHeader("application", "sdp"));
            re.setHeader(b2b.sip().contactHeader(((ViaHeader) re.getHeader(ViaHeader.NAME)).getTransport()));
            ClientTransaction ct = b2b.sip().provider().getNewClientTransaction(re);
            ct.setApplicationData(new Leg(this, caller, dialog));
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.info("Call {}: re-INVITE to anchor the media failed: {}", call.callId(), e.toString());
            fail();
        }
    }

    /** The answer to one of our re-INVITEs (under the call's lock). */
    void response(Leg leg, Response r) {
        int status = r.getStatusCode();
        if (status < 200 || over) {
            return;
        }
        if (status >= 300) {
            log.info("Call {}: re-INVITE to anchor the media answered {}", call.callId(), status);
            fail();
            return;
        }
        try {
            leg.dialog().sendAck(leg.dialog().createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
        } catch (Exception e) {
            log.debug("Call {}: ACK of the re-INVITE failed: {}", call.callId(), e.toString());
        }
        if (!anchor.answered(leg.caller(), r.getRawContent())) {
            fail();
            return;
        }
        if (anchor.complete()) {
            over = true;
            then.accept(anchor.bridge());
        }
    }

    /** No answer to one of our re-INVITEs. */
    void timeout() {
        if (!over) {
            fail();
        }
    }

    private void fail() {
        if (!over) {
            over = true;
            anchor.close();
            failed.run();
        }
    }
}
