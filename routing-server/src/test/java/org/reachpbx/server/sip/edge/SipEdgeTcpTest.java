package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * SIP over TCP at the edge (issue 15, item 8): idle connections cost no threads (the stack's NIO
 * transport) and are closed after the idle timeout; a source gets a limited number of
 * connections; a message that trickles in (slowloris) is cut off; a phone still registers over TCP.
 * Timeouts are shortened for the test.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"pbx.sip.edge.tcp.idle-timeout=4s", "pbx.sip.edge.tcp.message-timeout=2s",
        "pbx.sip.edge.tcp.max-connections-per-address=60"})
class SipEdgeTcpTest {

    static final String DOMAIN = "demo.reachpbx.local";

    @Autowired
    SipServer server;
    @Autowired
    SipEdge edge;

    Socket connect(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
        return s;
    }

    static boolean closedByServer(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void twoHundredIdleConnectionsCostNoThreadsAPhoneStillRegistersAndTheIdleOnesAreClosed() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(connect("127.0.0." + (31 + i % 4)));
            }
            long end = System.currentTimeMillis() + 5000;
            while (edge.snapshot().openTcpConnections() < 200 && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertThat(edge.snapshot().openTcpConnections()).isGreaterThanOrEqualTo(200);
            int threadsWith200 = ManagementFactory.getThreadMXBean().getThreadCount();
            assertThat(threadsWith200 - threadsBefore).as("threads for 200 idle TCP connections").isLessThan(20);

            assertThat(registerOverTcp("jansen-bureau", "kT9v-Wq4mZ2x")).isEqualTo("SIP/2.0 200 OK");

            long idleSince = System.currentTimeMillis();
            for (Socket s : idle) {
                assertThat(closedByServer(s, (int) Math.max(1, idleSince + 9000 - System.currentTimeMillis())))
                        .as("idle connection closed").isTrue();
            }
            assertThat(System.currentTimeMillis() - idleSince).isLessThan(9000);
            assertThat(edge.counter("tcp.closed-idle")).isGreaterThanOrEqualTo(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void aSourceGetsNoMoreThanItsShareOfConnections() throws Exception {
        List<Socket> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                mine.add(connect("127.0.0.35"));
            }
            Thread.sleep(300);
            try (Socket extra = connect("127.0.0.35")) {
                assertThat(closedByServer(extra, 2000)).as("the 61st connection is closed at once").isTrue();
            }
            assertThat(closedByServer(mine.get(0), 200)).as("the first ones stay").isFalse();
            assertThat(edge.counter("tcp.refused-over-max-connections-per-address")).isPositive();
        } finally {
            for (Socket s : mine) {
                s.close();
            }
        }
    }

    @Test
    void aMessageThatTricklesInIsCutOff() throws Exception {
        try (Socket slow = connect("127.0.0.36")) {
            slow.getOutputStream().write("OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.currentTimeMillis();
            boolean closed = false;
            try {
                while (!closed && System.currentTimeMillis() - start < 8000) {
                    slow.getOutputStream().write('X'); // one byte every 300 ms, never a whole message
                    slow.getOutputStream().flush();
                    closed = closedByServer(slow, 300);
                }
            } catch (IOException broken) {
                closed = true;
            }
            assertThat(closed).isTrue();
            assertThat(System.currentTimeMillis() - start).isLessThan(6000);
            assertThat(edge.counter("tcp.closed-slow-message")).isPositive();
        }
    }

    /** A REGISTER with its digest answer on one TCP connection, as a phone does; the final status line. */
    String registerOverTcp(String user, String password) throws Exception {
        try (Socket s = connect("127.0.0.1")) {
            s.setSoTimeout(5000);
            String callId = UUID.randomUUID() + "@tcp-test";
            String sentBy = "127.0.0.1:" + s.getLocalPort();
            String first = register(user, sentBy, callId, 1, null);
            s.getOutputStream().write(first.getBytes(StandardCharsets.UTF_8));
            String challenge = readResponse(s.getInputStream());
            assertThat(challenge).startsWith("SIP/2.0 401");
            Matcher m = Pattern.compile("WWW-Authenticate: Digest [^\r\n]*nonce=\"([^\"]+)\"[^\r\n]*algorithm=MD5")
                    .matcher(challenge);
            assertThat(m.find()).as(challenge).isTrue();
            String nonce = m.group(1);
            String uri = "sip:" + DOMAIN;
            String cnonce = "c" + System.nanoTime();
            String ha1 = md5(user + ":" + DOMAIN + ":" + password);
            String ha2 = md5("REGISTER:" + uri);
            String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
            String auth = "Digest username=\"" + user + "\", realm=\"" + DOMAIN + "\", nonce=\"" + nonce
                    + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                    + cnonce + "\"";
            s.getOutputStream().write(register(user, sentBy, callId, 2, auth).getBytes(StandardCharsets.UTF_8));
            String ok = readResponse(s.getInputStream());
            return ok.substring(0, ok.indexOf("\r\n"));
        }
    }

    static String register(String user, String sentBy, String callId, int cseq, String auth) {
        return "REGISTER sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP " + sentBy + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + DOMAIN + ">;tag=t" + callId.hashCode() + "\r\n"
                + "To: <sip:" + user + "@" + DOMAIN + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + sentBy + ";transport=tcp>\r\n"
                + "Expires: 120\r\n"
                + (auth == null ? "" : "Authorization: " + auth + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true) {
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0 && !text.toString().startsWith("SIP/2.0 1")) {
                return text.substring(0, end + 4);
            }
            if (end >= 0) {
                text.delete(0, end + 4); // a provisional answer: the final one follows
                continue;
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed after: " + text);
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
