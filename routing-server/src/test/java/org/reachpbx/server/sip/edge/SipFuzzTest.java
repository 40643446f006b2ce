package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.server.sip.stack.SipServer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A bounded fuzz run (issue 15, item 10): 10,000 mutated requests (fixed seed) sent fast over UDP,
 * with a well-formed OPTIONS after every tenth. The server must answer every one of those, stay
 * up, keep its thread count and write little log. The Via line is never mutated, so every answer
 * goes back to the fuzzer on loopback and nothing leaves the machine.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SipFuzzTest {

    static final int MUTANTS = 10_000;
    static final Pattern BRANCH = Pattern.compile("branch=(z9hG4bK[-\\w.]+)");

    @Autowired
    SipServer server;

    static List<String> seeds(String sentBy) {
        String via = "Via: SIP/2.0/UDP " + sentBy + ";rport;branch=z9hG4bK-%s\r\n";
        String common = "Max-Forwards: 70\r\nFrom: \"Fuzz\" <sip:fuzz@127.0.0.100>;tag=f%1$s\r\n"
                + "To: <sip:jansen-bureau@demo.reachpbx.local>\r\nCall-ID: %1$s@fuzz\r\n";
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.100\r\ns=-\r\nc=IN IP4 127.0.0.100\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        return List.of(
                "OPTIONS sip:jansen-bureau@demo.reachpbx.local SIP/2.0\r\n" + via + common
                        + "CSeq: 1 OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n",
                "REGISTER sip:demo.reachpbx.local SIP/2.0\r\n" + via + common
                        + "CSeq: 2 REGISTER\r\nContact: <sip:fuzz@" + sentBy + ">;expires=60\r\n"
                        + "Authorization: Digest username=\"jansen-bureau\", realm=\"demo.reachpbx.local\", nonce=\"abc\", "
                        + "uri=\"sip:demo.reachpbx.local\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5\r\n"
                        + "Content-Length: 0\r\n\r\n",
                "INVITE sip:0612345678@demo.reachpbx.local SIP/2.0\r\n" + via + common
                        + "CSeq: 3 INVITE\r\nContact: <sip:fuzz@" + sentBy + ">\r\nContent-Type: application/sdp\r\n"
                        + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp,
                "BYE sip:fuzz@127.0.0.1 SIP/2.0\r\n" + via + common + "CSeq: 4 BYE\r\nContent-Length: 0\r\n\r\n",
                "SUBSCRIBE sip:jansen-bureau@demo.reachpbx.local SIP/2.0\r\n" + via + common
                        + "CSeq: 5 SUBSCRIBE\r\nEvent: message-summary\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n");
    }

    /** One mutation of a seed; the Via line stays as it is. */
    static byte[] mutate(String seed, Random random) {
        int viaStart = seed.indexOf("Via: ");
        int viaEnd = seed.indexOf("\r\n", viaStart) + 2;
        byte[] head = seed.substring(0, viaStart).getBytes(StandardCharsets.ISO_8859_1);
        byte[] via = seed.substring(viaStart, viaEnd).getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder rest = new StringBuilder(seed.substring(viaEnd));
        String first = new String(head, StandardCharsets.ISO_8859_1);
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            boolean inFirst = random.nextInt(5) == 0;
            StringBuilder target = inFirst ? new StringBuilder(first) : rest;
            if (target.length() == 0) {
                continue;
            }
            int at = random.nextInt(target.length());
            switch (random.nextInt(9)) {
                case 0 -> target.setCharAt(at, (char) random.nextInt(256));
                case 1 -> target.insert(at, (char) random.nextInt(256));
                case 2 -> target.delete(at, Math.min(target.length(), at + 1 + random.nextInt(20)));
                case 3 -> target.insert(at, "\r\n");
                case 4 -> target.insert(at, ";;;,,,<<>>\"\"");
                case 5 -> target.insert(at, "9".repeat(1 + random.nextInt(40)));
                case 6 -> target.insert(at, "%00%ff%");
                case 7 -> { // repeat a line
                    int s = target.lastIndexOf("\r\n", at);
                    int e = target.indexOf("\r\n", at);
                    if (s >= 0 && e > s) {
                        target.insert(e, target.substring(s, e));
                    }
                }
                default -> target.setLength(at); // truncate
            }
            if (inFirst) {
                first = target.toString();
            }
        }
        byte[] a = first.getBytes(StandardCharsets.ISO_8859_1);
        byte[] c = rest.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[a.length + via.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(via, 0, all, a.length, via.length);
        System.arraycopy(c, 0, all, a.length + via.length, c.length);
        return all;
    }

    @Test
    void tenThousandMutantsLeaveEveryWellFormedRequestAnswered() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Set<String> controls = ConcurrentHashMap.newKeySet();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long start = System.currentTimeMillis();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.100"), 0))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(200);
            String sentBy = "127.0.0.100:" + socket.getLocalPort();
            Thread receiver = new Thread(() -> {
                byte[] buffer = new byte[65535];
                while (!socket.isClosed()) {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException e) {
                        continue;
                    } catch (Exception e) {
                        return;
                    }
                    Matcher m = BRANCH.matcher(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1));
                    if (m.find()) {
                        answered.add(m.group(1));
                    }
                }
            });
            receiver.setDaemon(true);
            receiver.start();
            List<String> seeds = seeds(sentBy);
            Random random = new Random(4475);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            for (int i = 0; i < MUTANTS; i++) {
                String seed = seeds.get(random.nextInt(seeds.size())).replace("%s", "m" + i).replace("%1$s", "m" + i);
                byte[] mutant = mutate(seed, random);
                socket.send(new DatagramPacket(mutant, mutant.length, to));
                if (i % 10 == 9) {
                    String id = "c" + i;
                    byte[] control = seeds.get(0).replace("%s", id).replace("%1$s", id).getBytes(StandardCharsets.US_ASCII);
                    controls.add("z9hG4bK-" + id);
                    socket.send(new DatagramPacket(control, control.length, to));
                    Thread.sleep(2); // about 5,000 messages a second
                }
            }
            long end = System.currentTimeMillis() + 15_000;
            while (!answered.containsAll(controls) && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
        } finally {
            root.detachAppender(log);
        }
        Set<String> unanswered = new java.util.TreeSet<>(controls);
        unanswered.removeAll(answered);
        assertThat(unanswered).as("well-formed requests without an answer (%d of %d); %s", unanswered.size(),
                controls.size(), RawSip.stackThreads()).isEmpty();
        assertThat(System.currentTimeMillis() - start).isLessThan(60_000);
        long chars = 0;
        for (ILoggingEvent e : log.list) {
            chars += e.getFormattedMessage().length()
                    + (e.getThrowableProxy() == null ? 0 : ThrowableProxyUtil.asString(e.getThrowableProxy()).length());
        }
        assertThat(chars).as("log written for %d mutants (%d lines)", MUTANTS, log.list.size()).isLessThan(100_000);
        Thread.sleep(500);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).as("new threads").isLessThan(10);
    }
}
