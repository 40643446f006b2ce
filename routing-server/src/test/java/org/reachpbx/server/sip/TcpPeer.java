package org.reachpbx.server.sip;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP peer that only listens on TCP, or TLS (a phone registered with a {@code transport=tcp} contact
 * it never connected from, or a TCP trunk): whoever wants to reach it must open the connection. Every
 * message on every connection is kept, in order, with the connection to answer on; requests other
 * than INVITE and ACK (a NOTIFY, an OPTIONS) are answered 200 OK at once.
 */
public final class TcpPeer implements AutoCloseable {

    /** One SIP message as it arrived, and the connection it came on. */
    public record Received(String text, Socket connection) {

        public boolean isRequest(String method) {
            return text.startsWith(method + " ");
        }

        /** Writes {@code answer} on the connection the message came on. */
        public void answer(String answer) throws IOException {
            OutputStream out = connection.getOutputStream();
            synchronized (connection) {
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        /** A response to this request: its Via, From, Call-ID and CSeq, its To with a tag. */
        public String response(String statusLine) {
            StringBuilder r = new StringBuilder("SIP/2.0 ").append(statusLine).append("\r\n");
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                String name = line.substring(0, Math.max(line.indexOf(':'), 0)).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "via", "v", "from", "f", "call-id", "i", "cseq" -> r.append(line).append("\r\n");
                    case "to", "t" -> r.append(line).append(line.contains(";tag=") ? "" : ";tag=tcppeer").append("\r\n");
                    default -> { }
                }
            }
            return r.append("Content-Length: 0\r\n\r\n").toString();
        }
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final ServerSocket listener;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    public TcpPeer() throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** The same over TLS, presenting the key in {@code keystore} (PKCS12). */
    public static TcpPeer overTls(java.nio.file.Path keystore, String password) throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            keys.load(in, password.toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return new TcpPeer(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    private TcpPeer(ServerSocket listener) {
        this.listener = listener;
        Thread acceptor = new Thread(this::accept, "tcp-peer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections were opened to this peer. */
    public int connections() {
        return connections.size();
    }

    /** The next message with this start (e.g. {@code "INVITE "}), within the time; others are skipped. */
    public Received await(String start, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> skipped = new java.util.ArrayList<>();
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            Received r = received.poll(left, TimeUnit.NANOSECONDS);
            if (r != null && r.text().startsWith(start)) {
                return r;
            }
            if (r != null) {
                skipped.add(r.text().substring(0, r.text().indexOf("\r\n")));
            }
        }
        throw new AssertionError("no message starting with '" + start + "' within " + seconds + " s on port " + port()
                + " (" + connections.size() + " connections; other messages: " + skipped + ")");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                Thread reader = new Thread(() -> read(connection), "tcp-peer-reader-" + connection.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket connection) {
        try (InputStream in = connection.getInputStream()) {
            while (true) {
                Received r = new Received(readMessage(in), connection);
                if (!r.text().startsWith("SIP/2.0") && !r.isRequest("INVITE") && !r.isRequest("ACK")) {
                    r.answer(r.response("200 OK"));
                }
                received.add(r);
            }
        } catch (IOException closed) {
            // the other side closed the connection, or the test did
        }
    }

    /** One SIP message from a stream: the headers up to the blank line, then Content-Length bytes of body. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (message.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs between messages
            }
            message.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = message.toString(StandardCharsets.US_ASCII);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return headers + new String(in.readNBytes(body), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
