package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the stack's parser so that no message reaches the stack in a shape it handles badly:
 * <ul>
 *   <li>a datagram from a banned or flooding source is dropped before it is parsed;</li>
 *   <li>an unparseable message is counted and logged in one short line (source, reason) instead of
 *       the stack's dump of its receive buffer, and the stack's automatic 400 gets a clean reason
 *       (no Java object ids);</li>
 *   <li>a request without From, To, Call-ID or CSeq (which the stack would trip over) gets
 *       stand-ins and is marked for a 400 naming what is missing, which {@link EdgeValve} sends;
 *       duplicate single-value headers and conflicting Content-Lengths are marked the same way;</li>
 *   <li>a message without Via, or a response without its mandatory headers, is counted and dropped.</li>
 * </ul>
 * The stack also uses its parser to re-read its own stored messages (no channel then): those pass
 * through unchanged.
 */
final class EdgeParser implements MessageParser {

    private static final StringMsgParser DELEGATE = new StringMsgParser();

    private final SipEdge edge;

    EdgeParser(SipEdge edge) {
        this.edge = edge;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener handler)
            throws ParseException {
        if (edge == null) {
            return DELEGATE.parseSIPMessage(bytes, readBody, strict, handler);
        }
        boolean udp = handler instanceof UDPMessageChannel;
        String source = handler instanceof MessageChannel channel ? channel.getPeerAddress() : null;
        if (udp && !edge.admit(literal(source))) {
            return null;
        }
        SIPMessage message;
        try {
            message = DELEGATE.parseSIPMessage(bytes, readBody, strict, handler);
        } catch (ParseException e) {
            throw refuse(source, udp, bytes, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // an Error escaping here would end one of the stack's few UDP threads for good
            throw refuse(source, udp, bytes, e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (message == null) {
            return null; // keep-alive (CRLF)
        }
        if (message.getTopmostVia() == null) {
            return dropOrThrow(source, udp, bytes, "no Via");
        }
        if (!(message instanceof SIPRequest request)) {
            if (message.getFrom() == null || message.getTo() == null || message.getCallId() == null
                    || message.getCSeq() == null) {
                return dropOrThrow(source, udp, bytes, "response without From, To, Call-ID or CSeq");
            }
            return message;
        }
        if (!"SIP/2.0".equalsIgnoreCase(RawHeaders.requestLineVersion(bytes))) {
            // the stack's parser reads any version as 2.0
            request.setApplicationData(new Rejection(505, "SIP Version Not Supported"));
        }
        List<String> problems = new ArrayList<>();
        standIns(request, problems);
        String raw = RawHeaders.problem(bytes);
        if (raw != null) {
            problems.add(raw);
        }
        if (!problems.isEmpty() && request.getApplicationData() == null) {
            request.setApplicationData(new Rejection(400, String.join(", ", problems)));
        }
        return request;
    }

    /** Stand-ins for missing mandatory headers, so the stack can carry the request to the valve's 400. */
    private static void standIns(SIPRequest request, List<String> problems) throws ParseException {
        if (request.getCSeq() == null) {
            problems.add("Missing CSeq");
            request.setHeader(new CSeq(0, request.getMethod()));
        }
        if (request.getCallId() == null) {
            problems.add("Missing Call-ID");
            request.setHeader(new CallID("missing-call-id." + Long.toHexString(System.nanoTime())));
        }
        if (request.getFrom() == null) {
            problems.add("Missing From");
            From from = new From();
            from.setAddress(new gov.nist.javax.sip.address.AddressFactoryImpl().createAddress("sip:missing@invalid"));
            from.setTag("missing");
            request.setHeader(from);
        }
        if (request.getTo() == null) {
            problems.add("Missing To");
            To to = new To();
            to.setAddress(new gov.nist.javax.sip.address.AddressFactoryImpl().createAddress("sip:missing@invalid"));
            request.setHeader(to);
        }
    }

    private SIPMessage dropOrThrow(String source, boolean udp, byte[] bytes, String reason) throws ParseException {
        ParseException e = refuse(source, udp, bytes, reason);
        if (udp) {
            return null; // nothing to answer to: dropped quietly (counted and logged above)
        }
        throw e;
    }

    private ParseException refuse(String source, boolean udp, byte[] bytes, String reason) {
        String clean = RateLimitedLog.clean(reason);
        if (clean.isEmpty()) {
            clean = "Unparseable message";
        }
        edge.parseError(source, udp ? "udp" : "tcp", bytes.length, clean);
        return new ParseException(clean.length() > 60 ? clean.substring(0, 60) : clean, 0);
    }

    private static InetAddress literal(String address) {
        try {
            return address == null ? null : InetAddress.getByName(address);
        } catch (Exception e) {
            return null;
        }
    }

    /** A request the edge answers itself, with this status and reason, before the stack sees it. */
    record Rejection(int status, String reason) {
    }
}
