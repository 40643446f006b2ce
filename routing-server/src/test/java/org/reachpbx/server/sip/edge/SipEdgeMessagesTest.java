package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.server.sip.stack.SipServer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the SIP edge does with messages a normal phone never sends (issue 15, items 1, 5 and 6),
 * over raw UDP to the running server: garbage is counted and logged in a few short lines;
 * malformed requests get the answer RFC 3261 and RFC 4475 name, with a clean reason; a request
 * whose branch is in use by another transaction is answered instead of dropped.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SipEdgeMessagesTest {

    @Autowired
    SipServer server;
    @Autowired
    SipEdge edge;
    @Autowired
    MeterRegistry meters;

    static String options(String sentBy, String id) {
        return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bK-" + id + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + id + "\r\n"
                + "To: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: " + id + "@edge-test\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void garbageIsCountedAndLoggedInAFewShortLines() throws Exception {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.start();
        root.addAppender(appender);
        long before = edge.counter("parse-errors");
        double meteredBefore = meters.counter("pbx.sip.edge.parse-errors").count();
        Random random = new Random(15);
        try (RawSip sip = new RawSip("127.0.0.21", server.port())) {
            for (int i = 0; i < 200; i++) {
                byte[] junk = switch (i % 3) {
                    case 0 -> "INVITE sip:x".getBytes(StandardCharsets.US_ASCII); // 12 bytes, no CSeq
                    case 1 -> "OPTIONS sip:x@y SIP/2.0\r\nCall-ID: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    default -> {
                        byte[] b = new byte[1 + random.nextInt(300)];
                        random.nextBytes(b);
                        b[0] = 'Z';
                        yield b;
                    }
                };
                sip.send(junk);
                if (i % 50 == 49) {
                    Thread.sleep(20);
                }
            }
            long end = System.currentTimeMillis() + 10_000;
            while (edge.counter("parse-errors") < before + 200 && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            // and the server still answers that source
            sip.drain(50);
            sip.send(options(sip.sentBy(), UUID.randomUUID().toString()));
            assertThat(RawSip.status(sip.finalResponse(3000))).isEqualTo(200);
        } finally {
            root.detachAppender(appender);
        }
        assertThat(edge.counter("parse-errors") - before).isEqualTo(200);
        assertThat(meters.counter("pbx.sip.edge.parse-errors").count() - meteredBefore).isEqualTo(200);
        long logged = 0;
        for (ILoggingEvent e : appender.list) {
            logged += e.getFormattedMessage().length();
            if (e.getThrowableProxy() != null) {
                logged += ThrowableProxyUtil.asString(e.getThrowableProxy()).length();
            }
        }
        assertThat(logged).as("log written for 200 bad datagrams: %s", appender.list).isLessThan(3_000);
        assertThat(appender.list).noneMatch(e -> e.getThrowableProxy() != null);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("no Max-Forwards", m -> m.replace("Max-Forwards: 70\r\n", ""), 400, "Missing Max-Forwards"),
                bad("no CSeq", m -> m.replace("CSeq: 1 OPTIONS\r\n", ""), 400, "Missing CSeq"),
                bad("no Call-ID", m -> m.replaceAll("Call-ID: .*\r\n", ""), 400, "Missing Call-ID"),
                bad("INVITE without Contact", m -> m.replace("OPTIONS", "INVITE"), 400, "Missing Contact"),
                bad("SIP/7.0", m -> m.replace("127.0.0.1 SIP/2.0", "127.0.0.1 SIP/7.0"), 505, ""),
                bad("unsupported Require", m -> m.replace("Content-Length", "Require: nothingSupportsThis\r\nContent-Length"),
                        420, ""),
                bad("unknown URI scheme", m -> m.replace("OPTIONS sip:probe@127.0.0.1", "OPTIONS nobodyKnowsThisScheme:opaque"),
                        416, ""),
                bad("unknown Authorization scheme", m -> m.replace("OPTIONS", "REGISTER")
                        .replace("sip:probe@127.0.0.1 SIP", "sip:demo.reachpbx.local SIP")
                        .replace("<sip:probe@127.0.0.1>", "<sip:jansen-bureau@demo.reachpbx.local>")
                        .replace("Content-Length", "Contact: <sip:jansen-bureau@127.0.0.22>\r\n"
                                + "Authorization: NoOneKnowsThisScheme opaque-data=here\r\nContent-Length"), 401, ""),
                bad("two CSeq", m -> m.replace("CSeq: 1 OPTIONS\r\n", "CSeq: 1 OPTIONS\r\nCSeq: 2 OPTIONS\r\n"), 400, "CSeq"),
                bad("two From", m -> m.replaceAll("(From: .*\r\n)", "$1From: <sip:other@example.net>;tag=2\r\n"), 400, "From"),
                bad("two Content-Lengths", m -> m.replace("Content-Length: 0\r\n", "Content-Length: 13\r\nContent-Length: 5\r\n"),
                        400, ""),
                bad("an unparseable To", m -> m.replace("To: <sip:probe@127.0.0.1>", "To: <sip:probe@127.0.0.1"), 400, ""));
    }

    static Arguments bad(String name, UnaryOperator<String> change, int status, String reason) {
        return Arguments.of(name, change, status, reason);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("malformed")
    void malformedRequestsGetTheirAnswer(String name, UnaryOperator<String> change, int status, String reason)
            throws Exception {
        try (RawSip sip = new RawSip("127.0.0.22", server.port())) {
            String id = UUID.randomUUID().toString();
            sip.send(change.apply(options(sip.sentBy(), id)));
            String response = sip.finalResponse(3000);
            assertThat(response).as(name).isNotNull();
            String statusLine = RawSip.statusLine(response);
            assertThat(RawSip.status(response)).as(statusLine).isEqualTo(status);
            assertThat(statusLine).contains(reason).doesNotContainPattern("[\\w\\[]@[0-9a-f]{5,}");
            if (status == 420) {
                assertThat(response).contains("Unsupported: nothingSupportsThis");
            }
            if (status == 401) {
                assertThat(response).contains("WWW-Authenticate: Digest");
            }
        }
    }

    @Test
    void aRequestWhoseBranchIsInUseByAnotherSentByIsAnsweredNotDropped() throws Exception {
        // RFC 3261 §17.2.3: branch, sent-by and method together identify the transaction.
        try (RawSip a = new RawSip("127.0.0.23", server.port()); RawSip b = new RawSip("127.0.0.24", server.port())) {
            String branchId = UUID.randomUUID().toString();
            a.send(options(a.sentBy(), branchId));
            assertThat(RawSip.status(a.finalResponse(3000))).isEqualTo(200);

            // Another phone, the same branch (its Call-ID and tag differ): not a retransmission of a's.
            String other = options(b.sentBy(), branchId).replace(branchId + "@edge-test", "other@edge-test")
                    .replace("tag=" + branchId, "tag=other");
            b.send(other);
            assertThat(b.finalResponse(3000)).as("answer to the second sent-by").isNotNull();

            // The same phone, the same branch, another method.
            a.send(options(a.sentBy(), branchId).replace("OPTIONS sip", "INFO sip").replace("1 OPTIONS", "2 INFO"));
            assertThat(a.finalResponse(3000)).as("answer to another method").isNotNull();

            // A true retransmission is still one: the same 200 again, no 482.
            a.send(options(a.sentBy(), branchId));
            assertThat(RawSip.status(a.finalResponse(3000))).isEqualTo(200);
        }
    }
}
