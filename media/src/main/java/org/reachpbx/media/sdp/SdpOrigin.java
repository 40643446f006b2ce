package org.reachpbx.media.sdp;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The o= line of one session's SDPs (RFC 3264 §8): the session id stays, the version goes up by one
 * whenever what we send differs from what we sent before, and stays when we repeat ourselves
 * (e.g. a re-INVITE answered with the same media). Thread-safe.
 */
public final class SdpOrigin {
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, 1L << 40);
    private long version = sessionId;
    private String lastBody;

    /** The o= line for {@code body} (the SDP without its o= line). */
    public synchronized String line(String address, String body) {
        if (lastBody != null && !lastBody.equals(body)) {
            version++;
        }
        lastBody = body;
        return "o=reachpbx " + sessionId + " " + version + " IN " + SdpWriter.addressType(address) + " " + address;
    }

    public synchronized long version() {
        return version;
    }
}
