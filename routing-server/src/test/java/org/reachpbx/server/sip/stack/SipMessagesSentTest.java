package org.reachpbx.server.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How {@link SipMessagesSent} reads a message's method and status from the bytes that leave. */
class SipMessagesSentTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SipMessagesSent sent = new SipMessagesSent();

    @BeforeEach
    void meter() {
        sent.meter(registry);
    }

    private void send(String message) {
        byte[] bytes = ("xx" + message + "yy").getBytes(StandardCharsets.US_ASCII);
        sent.count(bytes, 2, bytes.length - 4); // a message inside a larger buffer, as a datagram may carry it
    }

    private double requests(String method) {
        return registry.get("pbx.sip.requests.sent").tag("method", method).counter().count();
    }

    private double responses(String method, String status) {
        return registry.get("pbx.sip.responses.sent").tag("method", method).tag("status", status).counter().count();
    }

    @Test
    void aRequestCountsByItsMethod() {
        send("INVITE sip:201@x SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n");
        send("BYE sip:201@x SIP/2.0\r\nCSeq: 2 BYE\r\n\r\n");
        send("INVITES sip:201@x SIP/2.0\r\nCSeq: 2 INVITES\r\n\r\n");
        assertThat(requests("INVITE")).isEqualTo(1);
        assertThat(requests("BYE")).isEqualTo(1);
        assertThat(requests("OTHER")).as("a method we do not know by name").isEqualTo(1);
    }

    @Test
    void aResponseCountsByItsCSeqMethodAndStatusClass() {
        send("SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP a\r\nCSeq: 1 INVITE\r\n\r\n");
        send("SIP/2.0 180 Ringing\r\ncseq:   7   INVITE\r\n\r\n");
        send("SIP/2.0 401 Unauthorized\r\nCSeq: 3 REGISTER\r\nContent-Length: 0\r\n\r\n");
        send("SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\nCSeq: 1 BYE\r\n");
        assertThat(responses("INVITE", "1xx")).isEqualTo(2);
        assertThat(responses("REGISTER", "4xx")).isEqualTo(1);
        assertThat(responses("OTHER", "2xx")).as("a CSeq only in the body does not count").isEqualTo(1);
    }

    @Test
    void keepAlivesAndNoiseAreNotMessages() {
        send("\r\n\r\n");
        send("SIP/2.0 999 Nonsense\r\nCSeq: 1 INVITE\r\n\r\n");
        send("12345678901234567890");
        assertThat(registry.find("pbx.sip.requests.sent").counters()).allMatch(c -> c.count() == 0);
        assertThat(registry.find("pbx.sip.responses.sent").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void nothingIsCountedBeforeTheRegistryIsAttached() {
        SipMessagesSent unmetered = new SipMessagesSent();
        byte[] bytes = "INVITE sip:201@x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        unmetered.count(bytes, 0, bytes.length); // must not fail
        assertThat(registry.find("pbx.sip.requests.sent").counters()).allMatch(c -> c.count() == 0);
    }
}
