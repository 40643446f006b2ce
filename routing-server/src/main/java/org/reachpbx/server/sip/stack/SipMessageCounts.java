package org.reachpbx.server.sip.stack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;

/**
 * Counters of the SIP messages the server's listener receives: {@code pbx.sip.requests.received}
 * by method and {@code pbx.sip.responses.received} by method and status class. Methods come from
 * the wire, so anything outside the known set is counted as OTHER: a stranger must not be able to
 * make a new time series per message.
 */
final class SipMessageCounts {

    private static final Set<String> METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS",
            "INFO", "UPDATE", "PRACK", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SipMessageCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String method) {
        String m = known(method);
        counters.computeIfAbsent("req " + m, k -> Counter.builder("pbx.sip.requests.received").tag("method", m)
                .description("SIP requests received").register(registry)).increment();
    }

    void response(Response r) {
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        String m = known(cseq == null ? null : cseq.getMethod());
        String status = (r.getStatusCode() / 100) + "xx";
        counters.computeIfAbsent("resp " + m + " " + status, k -> Counter.builder("pbx.sip.responses.received")
                .tag("method", m).tag("status", status).description("SIP responses received").register(registry))
                .increment();
    }

    private static String known(String method) {
        return method != null && METHODS.contains(method) ? method : "OTHER";
    }
}
