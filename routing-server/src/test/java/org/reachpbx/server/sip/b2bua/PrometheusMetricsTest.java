package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TcpPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The Prometheus scrape (issue 17, docs/operations.md): after a real answered call the counters
 * of calls ended, SIP messages received and sent and routing decisions have moved, the gauges
 * (calls in progress, registrations, outbox, database pool) are there, and only the platform admin
 * may scrape. Messages sent are counted as they leave: the stack's own 100 Trying and the answers
 * it repeats to a retransmitted request too, over UDP and TCP, on connections phones open and on
 * those the server opens itself.
 */
// Spring Boot turns metrics export off in tests unless asked (its own context, then).
@AutoConfigureObservability
class PrometheusMetricsTest extends WireTestSupport {

    @Autowired
    TestRestTemplate anonymous;

    private String scrape() {
        ResponseEntity<String> r = anonymous.withBasicAuth("admin", "demo-admin")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    /** The value of one sample, e.g. {@code pbx_calls_ended_total{disposition="ANSWERED",type="EXTERNAL"}}; 0 when absent. */
    private static double sample(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void aCallMovesTheCountersAndTheGaugesAreThere() throws Exception {
        String before = scrape();
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        assertThat(sample(scrape(), "pbx_calls_in_progress")).as("the call is up").isGreaterThanOrEqualTo(1);
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();

        String after = scrape();
        String[] answered = {"disposition=\"ANSWERED\"", "type=\"EXTERNAL\""};
        assertThat(sample(after, "pbx_calls_ended_total", answered) - sample(before, "pbx_calls_ended_total", answered))
                .isEqualTo(1);
        assertThat(sample(after, "pbx_calls_in_progress")).isZero();
        assertThat(sample(after, "pbx_routing_decision_seconds_count")
                - sample(before, "pbx_routing_decision_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("pbx_routing_decision_seconds_bucket{");
        String[] invite = {"method=\"INVITE\""};
        assertThat(sample(after, "pbx_sip_requests_received_total", invite)
                - sample(before, "pbx_sip_requests_received_total", invite)).isGreaterThanOrEqualTo(1);
        String[] bye = {"method=\"BYE\""};
        assertThat(sample(after, "pbx_sip_requests_received_total", bye)
                - sample(before, "pbx_sip_requests_received_total", bye)).isGreaterThanOrEqualTo(1);
        String[] invite2xx = {"method=\"INVITE\"", "status=\"2xx\""};
        assertThat(sample(after, "pbx_sip_responses_received_total", invite2xx)
                - sample(before, "pbx_sip_responses_received_total", invite2xx)).isGreaterThanOrEqualTo(1);
        assertThat(sample(after, "pbx_registrations")).as("202 is registered").isGreaterThanOrEqualTo(1);
        assertThat(after).contains("pbx_outbox_messages{state=\"PENDING\"}").contains("pbx_cdr_dropped_total")
                .contains("hikaricp_connections");
    }

    /** The difference of one sample between two scrapes. */
    private static double moved(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }

    @Test
    void theMessagesTheServerSendsInACallAreCountedByMethodAndStatus() throws Exception {
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        String before = scrape();
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();
        String after = scrape();

        // to the trunk: 180 Ringing (the stack adds a 100 Trying only when nothing went out within 200 ms),
        // 200 OK to its INVITE, 200 OK to its BYE
        assertThat(moved(before, after, "pbx_sip_responses_sent_total", "method=\"INVITE\"", "status=\"1xx\""))
                .as("180 Ringing to the trunk").isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "pbx_sip_responses_sent_total", "method=\"INVITE\"", "status=\"2xx\""))
                .as("200 OK to the trunk's INVITE").isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "pbx_sip_responses_sent_total", "method=\"BYE\"", "status=\"2xx\""))
                .as("200 OK to the trunk's BYE").isGreaterThanOrEqualTo(1);
        // to the phone: INVITE, ACK of its 200, BYE
        assertThat(moved(before, after, "pbx_sip_requests_sent_total", "method=\"INVITE\"")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "pbx_sip_requests_sent_total", "method=\"ACK\"")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "pbx_sip_requests_sent_total", "method=\"BYE\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("pbx_sip_requests_sent_total{method=\"OTHER\"}")
                .as("every series is there from the start, at 0 when nothing was sent");
    }

    @Test
    void anAnswerRepeatedToARetransmittedRequestIsCountedAgain() throws Exception {
        String register = rawRegister("retransmitted-" + System.nanoTime());
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            udp.setSoTimeout(5000);
            String before = scrape();
            byte[] bytes = register.replace("PORT", Integer.toString(udp.getLocalPort()))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.net.InetSocketAddress serverAddress = new java.net.InetSocketAddress(
                    java.net.InetAddress.getLoopbackAddress(), server.port());
            udp.send(new java.net.DatagramPacket(bytes, bytes.length, serverAddress));
            String first = receive(udp);
            // the same request again, as a phone does when the answer got lost
            udp.send(new java.net.DatagramPacket(bytes, bytes.length, serverAddress));
            String second = receive(udp);
            assertThat(second).isEqualTo(first).startsWith("SIP/2.0 401");
            String after = scrape();
            assertThat(moved(before, after, "pbx_sip_requests_received_total", "method=\"REGISTER\""))
                    .as("the stack absorbs the retransmission").isEqualTo(1);
            assertThat(moved(before, after, "pbx_sip_responses_sent_total", "method=\"REGISTER\"", "status=\"4xx\""))
                    .as("the 401 and its repetition").isEqualTo(2);
        }
    }

    @Test
    void answersOnATcpConnectionAreCounted() throws Exception {
        try (java.net.Socket tcp = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            tcp.setSoTimeout(5000);
            String before = scrape();
            String register = rawRegister("tcp-" + System.nanoTime()).replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                    .replace("PORT", Integer.toString(tcp.getLocalPort()));
            tcp.getOutputStream().write(register.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            tcp.getOutputStream().flush();
            byte[] buffer = new byte[4096];
            int n = tcp.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("SIP/2.0 401");
            assertThat(moved(before, scrape(), "pbx_sip_responses_sent_total", "method=\"REGISTER\"",
                    "status=\"4xx\"")).isEqualTo(1);
        }
    }

    @Test
    void messagesOnATcpConnectionTheServerOpensAreCounted() throws Exception {
        // Bram's phone registers over UDP with a TCP contact it never connected from: to ring it the
        // server opens the TCP connection itself (as to a TCP trunk, or a phone whose connection is gone)
        try (TcpPeer bramOverTcp = new TcpPeer()) {
            TestPhone bram = new TestPhone("ch202", DOMAIN, "pw-202-secret", server.port())
                    .behindNat("127.0.0.1:" + bramOverTcp.port() + ";transport=tcp");
            phones.add(bram);
            try {
                assertThat(bram.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
                String before = scrape();
                TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
                TcpPeer.Received invite = bramOverTcp.await("INVITE ", 5);
                assertThat(invite.text()).startsWith("INVITE sip:ch202@127.0.0.1:" + bramOverTcp.port());
                invite.answer(invite.response("486 Busy Here"));
                assertThat(bramOverTcp.await("ACK ", 5).connection()).as("the ACK of the 486 on the same connection")
                        .isSameAs(invite.connection());
                assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(Response.BUSY_HERE);
                assertThat(bramOverTcp.connections()).as("one connection, opened by the server and used").isEqualTo(1);
                waitUntilNoCalls();
                // the counter moves as the send returns, a moment after the bytes arrived here
                String after = scrape();
                for (int i = 0; i < 50 && moved(before, after, "pbx_sip_requests_sent_total", "method=\"ACK\"") < 1; i++) {
                    Thread.sleep(100);
                    after = scrape();
                }
                assertThat(moved(before, after, "pbx_sip_requests_sent_total", "method=\"INVITE\""))
                        .as("the INVITE on the connection the server opened").isEqualTo(1);
                assertThat(moved(before, after, "pbx_sip_requests_sent_total", "method=\"ACK\""))
                        .as("the ACK of the 486 on it").isEqualTo(1);
            } finally {
                registrations.unbind(tenantId, "ch202", bram.contact());
            }
        }
    }

    /** A REGISTER without credentials of channel ch202 from 127.0.0.1:PORT (the caller fills in PORT). */
    private static String rawRegister(String callId) {
        return "REGISTER sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK" + callId.hashCode() + "x" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:ch202@" + DOMAIN + ">;tag=t" + System.nanoTime() + "\r\n"
                + "To: <sip:ch202@" + DOMAIN + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:ch202@127.0.0.1:PORT>\r\n"
                + "Expires: 60\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String receive(java.net.DatagramSocket udp) throws java.io.IOException {
        byte[] buffer = new byte[4096];
        java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        return new String(buffer, 0, packet.getLength(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void onlyThePlatformAdminMayScrape() {
        assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.withBasicAuth("admin", "wrong").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }
}
