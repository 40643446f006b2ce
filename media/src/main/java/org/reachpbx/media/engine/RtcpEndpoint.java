package org.reachpbx.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.reachpbx.media.rtp.Rtcp;

/**
 * The RTCP side of a session, answered locally (never relayed between legs): counts the far end's
 * sender/receiver reports, latches to the address they come from, and sends a sender report every
 * {@link #INTERVAL_TICKS} ticks while we send media — to the latched RTCP address, else to the RTP
 * target's port + 1. Not thread-safe: the owning session serialises access.
 */
final class RtcpEndpoint {
    /** Ticks between sender reports: 5 s. */
    static final int INTERVAL_TICKS = 250;

    private final DatagramChannel channel;
    private final SessionCounters counters;
    private final Latch latch = new Latch();
    private final byte[] out = new byte[Rtcp.SR_LENGTH];
    private final ByteBuffer outBuffer = ByteBuffer.wrap(out);
    private long nextReportTick = -1;

    RtcpEndpoint(DatagramChannel channel, SessionCounters counters) {
        this.channel = channel;
        this.counters = counters;
    }

    /** A re-INVITE: forget where RTCP came from. */
    void reset() {
        latch.connect(null);
    }

    void onPacket(byte[] data, int length, InetSocketAddress source) {
        Rtcp.Summary summary = Rtcp.read(data, length);
        if (!summary.valid()) {
            counters.malformed("not an RTCP packet", source);
        } else if (!latch.accept(source)) {
            counters.foreign++;
        } else {
            counters.srReceived += summary.senderReports();
            counters.rrReceived += summary.receiverReports();
        }
    }

    /** Sends a sender report when one is due and we have sent media. */
    void onTick(long tick, InetSocketAddress rtpTarget, OutgoingStream stream) {
        if (rtpTarget == null || stream.packets() == 0 || tick < nextReportTick) {
            return;
        }
        if (nextReportTick >= 0) {
            InetSocketAddress to = latch.latched() ? latch.target()
                    : new InetSocketAddress(rtpTarget.getAddress(), rtpTarget.getPort() + 1);
            int len = Rtcp.writeSenderReport(out, stream.ssrc(), System.currentTimeMillis(), stream.timestamp(tick),
                    stream.packets(), stream.octets());
            try {
                outBuffer.limit(len).position(0);
                channel.send(outBuffer, to);
                counters.srSent++;
            } catch (IOException e) {
                counters.sendFailed(e);
            }
        }
        nextReportTick = tick + INTERVAL_TICKS;
    }
}
