package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.Unsupported;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.SipStack;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.server.sip.edge.EdgeParser.Rejection;

/**
 * The stack's message valve ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}): every request passes
 * here after parsing and before the transaction layer. It answers, statelessly, what the server
 * must not process (RFC 3261 §8.2, RFC 4475 §3.3) — and what the stack would otherwise drop in
 * silence:
 * <ul>
 *   <li>400 for what {@link EdgeParser} marked (missing From/To/Call-ID/CSeq, duplicate single-value
 *       headers, conflicting Content-Length), for a missing Max-Forwards on an RFC 3261 request
 *       (magic-cookie branch; an RFC 2543 request gets 70, RFC 4475 §3.4.1), a missing Contact on
 *       INVITE and whatever else the stack requires before it makes a transaction (it would
 *       otherwise refuse the transaction and the request would go unanswered);</li>
 *   <li>505 for a SIP version other than 2.0; 416 for a Request-URI that is not sip, sips or tel;
 *       420 with {@code Unsupported} for a {@code Require} naming extensions we do not have;</li>
 *   <li>482 for a request whose branch belongs to a live server transaction with another sent-by or
 *       method (RFC 3261 §17.2.3): the stack keys transactions by branch alone and would otherwise
 *       take it for a retransmission and drop it until that transaction ends (~32 s).</li>
 * </ul>
 * Over TCP it also applies the per-source rate limit and closes connections from banned sources
 * (UDP datagrams are limited before parsing, in {@link EdgeParser}). ACKs are never answered.
 */
public class EdgeValve implements SIPMessageValve {

    /** Extensions (option tags) this server implements: none yet, so any Require gets 420. */
    static final Set<String> SUPPORTED = Set.of();
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");

    private volatile SipEdge edge;
    private volatile SIPTransactionStack stack;

    @Override
    public void init(SipStack sipStack) {
        this.stack = (SIPTransactionStack) sipStack;
        this.edge = SipEdge.forStack(sipStack.getStackName());
    }

    @Override
    public void destroy() {
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        SipEdge e = edge;
        if (e == null) {
            return true;
        }
        String source = channel.getPeerAddress();
        if (!(channel instanceof UDPMessageChannel) && !e.admit(literal(source))) {
            if (e.banned(literal(source))) {
                channel.close();
            }
            return false;
        }
        if (Request.ACK.equals(request.getMethod())) {
            // An ACK without To tag that belongs to no transaction acknowledges nothing (an ACK for
            // a 2xx carries the tag); the stack would fail on it looking for its dialog.
            if (request.getToTag() == null && stack != null
                    && stack.findTransaction(request.getTransactionId(), true) == null) {
                e.count("dropped.stray-ack");
                return false;
            }
            return true;
        }
        Answer answer = check(request);
        if (answer == null) {
            return true;
        }
        e.rejected(answer.status, source, answer.reason);
        try {
            SIPResponse response = request.createResponse(answer.status, answer.reason);
            if (answer.unsupported != null) {
                for (String tag : answer.unsupported) {
                    response.addHeader(new Unsupported(tag));
                }
            }
            if (request.getApplicationData() instanceof Rejection) {
                response.removeContent();
            }
            channel.sendMessage(response);
        } catch (Exception ex) {
            e.count("answer-failures");
        }
        return false;
    }

    private record Answer(int status, String reason, List<String> unsupported) {
        Answer(int status, String reason) {
            this(status, reason, null);
        }
    }

    private Answer check(SIPRequest request) {
        if (request.getApplicationData() instanceof Rejection r) {
            return new Answer(r.status(), r.reason());
        }
        String version = request.getRequestLine().getSipVersion();
        if (version != null && !"SIP/2.0".equalsIgnoreCase(version)) {
            return new Answer(Response.VERSION_NOT_SUPPORTED, "SIP Version Not Supported");
        }
        String scheme = request.getRequestURI().getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return new Answer(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme");
        }
        boolean rfc3261 = request.getTopmostVia().getBranch() != null
                && request.getTopmostVia().getBranch().toLowerCase(Locale.ROOT).startsWith("z9hg4bk");
        if (request.getMaxForwards() == null) {
            if (rfc3261) {
                return new Answer(Response.BAD_REQUEST, "Missing Max-Forwards");
            }
            // an RFC 2543 element need not send one (RFC 4475 §3.4.1); the stack insists on it
            MaxForwards seventy = new MaxForwards();
            try {
                seventy.setMaxForwards(70);
            } catch (javax.sip.InvalidArgumentException impossible) {
                throw new IllegalStateException(impossible);
            }
            request.setHeader(seventy);
        }
        if (Request.INVITE.equals(request.getMethod()) && request.getContactHeader() == null) {
            return new Answer(Response.BAD_REQUEST, "Missing Contact");
        }
        try {
            // what else the stack requires before it makes a transaction (Event on SUBSCRIBE, ...):
            // answered here, or the request would go unanswered
            request.checkHeaders();
        } catch (java.text.ParseException missing) {
            return new Answer(Response.BAD_REQUEST, RateLimitedLog.clean(missing.getMessage()));
        }
        if (!Request.CANCEL.equals(request.getMethod())) {
            List<String> unsupported = unsupported(request);
            if (!unsupported.isEmpty()) {
                return new Answer(Response.BAD_EXTENSION, "Bad Extension", unsupported);
            }
        }
        if (rfc3261 && branchInUse(request)) {
            return new Answer(Response.LOOP_DETECTED, "Branch already in use");
        }
        return null;
    }

    private static List<String> unsupported(SIPRequest request) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (tag != null && !SUPPORTED.contains(tag.trim().toLowerCase(Locale.ROOT)) && !tags.contains(tag.trim())) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }

    /**
     * RFC 3261 §17.2.3: a request matches a server transaction by branch, sent-by and method (an
     * ACK also matches its INVITE, a CANCEL has a transaction of its own). The stack looks up by
     * branch only, so a different request with a branch in use must be answered here.
     */
    private boolean branchInUse(SIPRequest request) {
        SIPTransactionStack s = stack;
        if (s == null) {
            return false;
        }
        SIPTransaction existing = s.findTransaction(request.getTransactionId(), true);
        if (!(existing instanceof SIPServerTransaction tx)) {
            return false;
        }
        var via = request.getTopmostVia();
        SIPRequest original = tx.getOriginalRequest();
        boolean sameSentBy = original != null && original.getTopmostVia() != null
                ? sentBy(original.getTopmostVia()).equals(sentBy(via))
                : tx.isMessagePartOfTransaction(request);
        return !sameSentBy || !request.getMethod().equals(tx.getMethod());
    }

    private static String sentBy(gov.nist.javax.sip.header.Via via) {
        return String.valueOf(via.getHost()).toLowerCase(Locale.ROOT) + ":" + port(via.getPort());
    }

    private static int port(int port) {
        return port <= 0 ? 5060 : port;
    }

    private static InetAddress literal(String address) {
        try {
            return address == null ? null : InetAddress.getByName(address);
        } catch (Exception e) {
            return null;
        }
    }
}
