package org.reachpbx.server.sip.edge;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw SIP over UDP from a chosen loopback address (127.0.0.x: each test its own source, so rate
 * limits and bans of one test do not touch another), for messages no SIP stack would send.
 */
public final class RawSip implements AutoCloseable {

    private final DatagramSocket socket;
    private final int serverPort;

    public RawSip(String localAddress, int serverPort) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        this.serverPort = serverPort;
    }

    public String address() {
        return socket.getLocalAddress().getHostAddress();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code sent-by} for a Via: this socket's address and port. */
    public String sentBy() {
        return address() + ":" + port();
    }

    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
    }

    /** The next message received within the time, or null. */
    public String receive(int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buffer = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** The first final (non-1xx) response within the time, or null. */
    public String finalResponse(int millis) throws IOException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            String m = receive((int) Math.max(1, end - System.currentTimeMillis()));
            if (m == null) {
                return null;
            }
            if (m.startsWith("SIP/2.0 ") && !m.startsWith("SIP/2.0 1")) {
                return m;
            }
        }
        return null;
    }

    /** Drains what is queued (answers to earlier messages). */
    public List<String> drain(int millis) throws IOException {
        List<String> all = new ArrayList<>();
        String m;
        while ((m = receive(millis)) != null) {
            all.add(m);
        }
        return all;
    }

    public static String statusLine(String response) {
        return response == null ? null : response.substring(0, response.indexOf("\r\n") < 0 ? response.length()
                : response.indexOf("\r\n"));
    }

    public static int status(String response) {
        return response == null ? 0 : Integer.parseInt(response.substring(8, 11));
    }

    /** Stack traces of the SIP stack's threads: what to look at when the server stops answering. */
    public static String stackThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, frames) -> {
            if (t.getName().contains("Channel") || t.getName().contains("JAIN") || t.getName().contains("UDP")) {
                out.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (int i = 0; i < Math.min(12, frames.length); i++) {
                    out.append("    ").append(frames[i]).append('\n');
                }
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** One request over a fresh TCP connection; the first final answer's status line, or null. */
    public static String overTcp(String localAddress, int serverPort, String message, int millis) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 2000);
            s.setSoTimeout(millis);
            s.getOutputStream().write(message.replace("${sentBy}", localAddress + ":" + s.getLocalPort())
                    .getBytes(StandardCharsets.UTF_8));
            return finalStatusLine(s.getInputStream(), millis, false);
        }
    }

    /**
     * Reads a TCP stream until a final (non-1xx) status line arrives, the stream ends or
     * {@code millis} pass; that line, or null. A read timeout ends the wait, unless
     * {@code untilDeadline} (then the socket's short timeout only paces the loop).
     */
    public static String finalStatusLine(InputStream in, int millis, boolean untilDeadline) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                if (untilDeadline) {
                    continue;
                }
                break;
            }
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            for (String line : text.toString().split("\r\n")) {
                if (line.startsWith("SIP/2.0 ") && !line.startsWith("SIP/2.0 1")) {
                    return line;
                }
            }
        }
        return null;
    }
}
