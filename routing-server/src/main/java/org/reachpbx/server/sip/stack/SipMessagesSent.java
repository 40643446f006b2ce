package org.reachpbx.server.sip.stack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of the SIP messages the server sends, as bytes leave for the wire:
 * {@code pbx.sip.requests.sent} by method and {@code pbx.sip.responses.sent} by method and status
 * class. Counting the encoded bytes rather than the {@code sendRequest}/{@code sendResponse} calls
 * is what makes the stack's own messages count too: its 100 Trying, its ACK for a non-2xx answer
 * and every retransmission. The transports call {@link #count} (docs/operations.md says which).
 *
 * <p>The method and status are read from the bytes without making strings; the counters are made
 * once, when the registry is attached, so a message costs a short scan and one increment.
 */
public final class SipMessagesSent {

    /** The methods with a time series of their own; anything else is OTHER (the last index). */
    static final String[] METHODS = {"INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "UPDATE",
            "PRACK", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH", "OTHER"};
    private static final int OTHER = METHODS.length - 1;
    private static final byte[][] METHOD_BYTES = new byte[OTHER][];
    private static final byte[] SIP_VERSION = "SIP/2.0 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSEQ = "\ncseq:".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < OTHER; i++) {
            METHOD_BYTES[i] = METHODS[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The server's stack by name: the stack's transports find their counters here. */
    private static final Map<String, SipMessagesSent> BY_STACK = new ConcurrentHashMap<>();

    /** [method] for requests. */
    private volatile Counter[] requests;
    /** [method * 6 + status class - 1] for responses. */
    private volatile Counter[] responses;

    /** The counters of the stack with this name, or null (a stack that is not the server's, e.g. a test phone). */
    public static SipMessagesSent forStack(String stackName) {
        return stackName == null ? null : BY_STACK.get(stackName);
    }

    void attachTo(String stackName) {
        BY_STACK.put(stackName, this);
    }

    void detachFrom(String stackName) {
        if (stackName != null) {
            BY_STACK.remove(stackName, this);
        }
    }

    /** Registers every counter (15 methods for requests, 15 × 6 for responses); until then nothing is counted. */
    void meter(MeterRegistry registry) {
        Counter[] req = new Counter[METHODS.length];
        Counter[] resp = new Counter[METHODS.length * 6];
        for (int m = 0; m < METHODS.length; m++) {
            req[m] = Counter.builder("pbx.sip.requests.sent").tag("method", METHODS[m])
                    .description("SIP requests sent, retransmissions included").register(registry);
            for (int s = 1; s <= 6; s++) {
                resp[m * 6 + s - 1] = Counter.builder("pbx.sip.responses.sent").tag("method", METHODS[m])
                        .tag("status", s + "xx").description("SIP responses sent, retransmissions included")
                        .register(registry);
            }
        }
        responses = resp;
        requests = req;
    }

    /** Counts the message in {@code bytes[offset, offset + length)}; keep-alives and anything not SIP are skipped. */
    public void count(byte[] bytes, int offset, int length) {
        Counter[] req = requests;
        Counter[] resp = responses;
        if (req == null || resp == null || bytes == null || length < SIP_VERSION.length + 3) {
            return;
        }
        int end = offset + length;
        if (startsWith(bytes, offset, end, SIP_VERSION)) {
            int status = bytes[offset + SIP_VERSION.length] - '0';
            if (status < 1 || status > 6) {
                return;
            }
            resp[responseMethod(bytes, offset, end) * 6 + status - 1].increment();
        } else if (bytes[offset] >= 'A' && bytes[offset] <= 'Z') {
            req[method(bytes, offset, end)].increment();
        }
    }

    /** The method of a response: the CSeq header's second word. */
    private static int responseMethod(byte[] b, int offset, int end) {
        int at = indexOfIgnoreCase(b, offset, end, CSEQ);
        if (at < 0) {
            return OTHER;
        }
        int i = at + CSEQ.length;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return method(b, i, end);
    }

    /** The index of the method word starting at {@code i}, ended by a space or line end. */
    private static int method(byte[] b, int i, int end) {
        for (int m = 0; m < OTHER; m++) {
            byte[] name = METHOD_BYTES[m];
            int after = i + name.length;
            if (after < end && startsWith(b, i, end, name) && (b[after] == ' ' || b[after] == '\r' || b[after] == '\n')) {
                return m;
            }
        }
        return OTHER;
    }

    private static boolean startsWith(byte[] b, int i, int end, byte[] prefix) {
        if (end - i < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[i + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code lowerNeedle} starts in the header part, ASCII case ignored (header names are case-insensitive). */
    private static int indexOfIgnoreCase(byte[] b, int offset, int end, byte[] lowerNeedle) {
        int last = end - lowerNeedle.length;
        outer:
        for (int i = offset; i <= last; i++) {
            if (b[i] == '\n' && i + 1 < end && b[i + 1] == '\r' || b[i] == '\n' && i + 1 < end && b[i + 1] == '\n') {
                return -1; // the body starts: no CSeq in the headers
            }
            for (int k = 0; k < lowerNeedle.length; k++) {
                int c = b[i + k];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != lowerNeedle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
