package org.reachpbx.media.engine;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reachpbx.media.rtp.RtpPacket;

/** A far end made of a plain DatagramSocket on loopback: sends hand-made RTP, collects what arrives. */
final class UdpPeer implements AutoCloseable {
    /** One received RTP packet. */
    record Received(int pt, int seq, long ts, long ssrc, boolean marker, byte[] payload) {
    }

    private final DatagramSocket socket;
    private int seq = 100;
    private long ts = 8000;
    private final long ssrc;

    UdpPeer(long ssrc) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.ssrc = ssrc;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Sends one 20 ms audio frame of {@code pt}. */
    void sendAudio(int port, int pt, byte fill) throws IOException {
        byte[] payload = new byte[160];
        Arrays.fill(payload, fill);
        sendRtp(port, false, pt, payload);
        ts += 160;
    }

    void sendRtp(int port, boolean marker, int pt, byte[] payload) throws IOException {
        byte[] buf = new byte[12 + payload.length];
        int len = RtpPacket.write(buf, marker, pt, seq++ & 0xFFFF, ts, ssrc, payload, 0, payload.length);
        sendRaw(port, buf, len);
    }

    /** Sends one RFC 4733 event packet with an explicit timestamp. */
    void sendEvent(int port, int pt, long eventTs, byte[] payload) throws IOException {
        byte[] buf = new byte[16];
        int len = RtpPacket.write(buf, false, pt, seq++ & 0xFFFF, eventTs, ssrc, payload, 0, payload.length);
        sendRaw(port, buf, len);
    }

    void sendRaw(int port, byte[] data, int len) throws IOException {
        socket.send(new DatagramPacket(data, len, loopback(port)));
    }

    /** Receives RTP packets until {@code count} arrived or {@code timeoutMs} passed without one. */
    List<Received> receive(int count, int timeoutMs) throws IOException {
        List<Received> got = new ArrayList<>();
        byte[] buf = new byte[2048];
        socket.setSoTimeout(timeoutMs);
        RtpPacket view = new RtpPacket();
        while (got.size() < count) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (view.parse(buf, p.getLength())) {
                got.add(new Received(view.payloadType(), view.sequence(), view.timestamp(), view.ssrc(), view.marker(),
                        Arrays.copyOfRange(buf, view.payloadOffset(), view.payloadOffset() + view.payloadLength())));
            }
        }
        return got;
    }

    @Override
    public void close() {
        socket.close();
    }
}
