package org.reachpbx.media.engine;

import java.net.InetSocketAddress;
import org.reachpbx.media.MediaStats;
import org.reachpbx.media.rtp.JitterBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics stage of a session: counts what arrived, what was refused and why, and logs a
 * problem once per session (bad packets, send failures) so a flood of garbage costs counters, not
 * log lines. Not thread-safe: the owning session serialises access.
 */
final class SessionCounters {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCounters.class);

    private final int port;
    long received;
    long foreign;
    long malformed;
    long srReceived;
    long rrReceived;
    long srSent;
    long sendErrors;
    private boolean loggedMalformed;
    private boolean loggedSendError;

    SessionCounters(int port) {
        this.port = port;
    }

    void malformed(String what, InetSocketAddress source) {
        malformed++;
        if (!loggedMalformed) {
            loggedMalformed = true;
            LOG.debug("session {}: {} from {} (further ones are only counted)", port, what, source);
        }
    }

    void handlerFailed(RuntimeException e) {
        malformed++;
        if (!loggedMalformed) {
            loggedMalformed = true;
            LOG.warn("session {}: a packet could not be handled (further ones are only counted)", port, e);
        }
    }

    void sendFailed(Exception e) {
        sendErrors++;
        if (!loggedSendError) {
            loggedSendError = true;
            LOG.info("session {}: sending failed ({}); further failures are only counted", port, e.toString());
        }
    }

    MediaStats snapshot(JitterBuffer jitter, long sent) {
        return new MediaStats(received, sent, jitter.lost(), jitter.late(), jitter.duplicates(), foreign, malformed);
    }

    RtcpStats rtcp() {
        return new RtcpStats(srReceived, rrReceived, srSent);
    }
}
