package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.w3c.dom.NodeList;

/**
 * The torture suites against the running server (issue 15, item 10): the 49 messages of RFC 4475
 * ({@code testdata/rfc4475/}, each with its expected class of answer in {@code expected.tsv}), over
 * UDP and, where the message's Via says TCP, over TCP too; and JAIN-SIP's own torture set
 * ({@code test/torture/torture.xml} of its sources jar). After every message the server must still
 * answer, and no message may cost more than a short log line.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SipTortureSuiteTest {

    static final Path RFC4475 = Path.of("..", "testdata", "rfc4475");
    /** The top Via: its transport and sent-by are rewritten to the test's socket. */
    static final Pattern TOP_VIA = Pattern.compile(
            "(?i)((?:^|\\r?\\n)(?:via|v)[ \\t]*:\\s*SIP\\s*/\\s*\\d+\\.\\d+\\s*/\\s*)([A-Za-z]+)(\\s+)([^;,\\s]+)");

    @Autowired
    SipServer server;

    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    static Stream<Arguments> rfc4475() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(RFC4475.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            byte[] message = Files.readAllBytes(RFC4475.resolve(f[0] + ".dat"));
            cases.add(Arguments.of(f[0], "udp", f[2], f[3]));
            Matcher via = TOP_VIA.matcher(new String(message, StandardCharsets.ISO_8859_1));
            if (via.find() && via.group(2).equalsIgnoreCase("TCP")) {
                cases.add(Arguments.of(f[0], "tcp", f[2], f[3]));
            }
        }
        return cases.stream();
    }

    /** The message with its top Via pointing at us (transport, sent-by, rport); all else as it was. */
    static byte[] toUs(byte[] message, String transport, String sentBy) {
        return toUs(message, transport, sentBy, null);
    }

    /**
     * Also with {@code suffix} appended to the top Via's branch: several RFC 4475 messages share the
     * branch z9hG4bKkdjuw, and sent one after the other from different ports they would be
     * different transactions with the same branch (answered 482 while the first one lives).
     */
    static byte[] toUs(byte[] message, String transport, String sentBy, String suffix) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher via = TOP_VIA.matcher(text);
        if (via.find()) {
            String after = text.substring(via.end());
            if (suffix != null) {
                after = after.replaceFirst("(?i)^([^\r\n]*?;\\s*branch\\s*=\\s*z9hG4bK[^;,\\s]+)", "$1" + suffix);
            }
            text = text.substring(0, via.start()) + via.group(1) + transport.toUpperCase(Locale.ROOT) + via.group(3)
                    + sentBy + ";rport" + after;
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0} over {1}: {2}")
    @MethodSource("rfc4475")
    void rfc4475MessagesGetTheirExpectedAnswer(String file, String transport, String expected, String why)
            throws Exception {
        byte[] message = Files.readAllBytes(RFC4475.resolve(file + ".dat"));
        String answer;
        try (RawSip sip = new RawSip("127.0.0.50", server.port())) {
            if (transport.equals("udp")) {
                sip.send(toUs(message, "udp", sip.sentBy(), "-" + file + "-udp"));
                answer = RawSip.statusLine(sip.finalResponse(expected.contains("none") ? 1500 : 4000));
            } else {
                answer = overTcp(message);
            }
            assertThat(matches(expected, answer)).as("%s over %s (%s): answered %s, expected %s", file, transport, why,
                    answer, expected).isTrue();
            if (answer != null) {
                assertThat(answer).doesNotContainPattern("[\\w\\[]@[0-9a-f]{5,}");
            }
            // still up, and answering this source
            sip.drain(20);
            sip.send(SipEdgeMessagesTest.options(sip.sentBy(), UUID.randomUUID().toString()));
            assertThat(RawSip.status(sip.finalResponse(4000))).as("still answering; %s", RawSip.stackThreads())
                    .isEqualTo(200);
        }
        assertThat(log.list.size()).as("log lines for %s: %s", file, log.list).isLessThanOrEqualTo(3);
        assertThat(logged()).as("log for %s: %s", file, log.list).isLessThan(1_200);
    }

    static boolean matches(String expected, String statusLine) {
        int status = statusLine == null ? 0 : Integer.parseInt(statusLine.substring(8, 11));
        for (String alternative : expected.split("\\|")) {
            boolean ok = switch (alternative) {
                case "none" -> status == 0;
                case "ok" -> status >= 200 && status != 400;
                case "4xx" -> status >= 400 && status < 500;
                default -> Integer.toString(status).equals(alternative);
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    String overTcp(byte[] message) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.50"), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
            s.getOutputStream().write(toUs(message, "tcp", "127.0.0.50:" + s.getLocalPort(), "-tcp"));
            s.setSoTimeout(300);
            return RawSip.finalStatusLine(s.getInputStream(), 4000, true);
        }
    }

    long logged() {
        long chars = 0;
        for (ILoggingEvent e : log.list) {
            chars += e.getFormattedMessage().length();
            if (e.getThrowableProxy() != null) {
                chars += ThrowableProxyUtil.asString(e.getThrowableProxy()).length();
            }
        }
        return chars;
    }

    /** The messages of JAIN-SIP's torture.xml (requests and responses, valid and not). */
    static List<String> jainSipTorture() throws Exception {
        try (InputStream in = SipTortureSuiteTest.class.getResourceAsStream("/test/torture/torture.xml")) {
            assertThat(in).as("torture.xml from javax.sip:jain-sip-ri:sources on the test classpath").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            NodeList messages = factory.newDocumentBuilder().parse(in).getElementsByTagName("message");
            List<String> all = new ArrayList<>();
            for (int i = 0; i < messages.getLength(); i++) {
                String m = messages.item(i).getTextContent().strip().replaceAll("\r?\n", "\r\n");
                all.add(m.contains("\r\n\r\n") ? m : m + "\r\n\r\n");
            }
            return all;
        }
    }

    @Test
    void jainSipTortureMessagesLeaveTheServerUpAndTheLogShort() throws Exception {
        List<String> messages = jainSipTorture();
        assertThat(messages).hasSizeGreaterThan(300);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long start = System.currentTimeMillis();
        try (RawSip sip = new RawSip("127.0.0.100", server.port())) {
            int i = 0;
            for (String m : messages) {
                sip.send(toUs(m.getBytes(StandardCharsets.UTF_8), "udp", sip.sentBy()));
                if (++i % 20 == 0) {
                    sip.drain(1);
                }
            }
            sip.drain(300);
            String id = UUID.randomUUID().toString();
            sip.send(SipEdgeMessagesTest.options(sip.sentBy(), id));
            String answer = null;
            for (String m = sip.receive(5000); m != null; m = sip.receive(5000)) {
                if (m.contains(id)) {
                    answer = m;
                    break;
                }
            }
            assertThat(RawSip.status(answer)).as("still answering; %s", RawSip.stackThreads()).isEqualTo(200);
        }
        assertThat(System.currentTimeMillis() - start).isLessThan(60_000);
        assertThat(logged()).as("log for %d torture messages", messages.size()).isLessThan(20_000);
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
        Thread.sleep(500);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).isLessThan(10);
    }
}
