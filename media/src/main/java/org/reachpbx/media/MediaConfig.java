package org.reachpbx.media;

/**
 * Settings of the media plane, each with its default, checked when made so a bad value stops the
 * start with a message naming the setting (the server maps {@code pbx.media.*} onto this record).
 *
 * @param bindAddress      address the RTP sockets bind to; default {@code 0.0.0.0} (all interfaces)
 * @param advertisedAddress address written into our SDP (c=); the server's public/LAN address
 * @param rtpPortMin       first RTP port of the range, even; default 20000
 * @param rtpPortMax       last port of the range (RTCP of the last pair may use it); default 29999
 * @param ptimeMs          packet time in ms; only 20 (the G.711 norm) is supported
 * @param jitterBufferMs   receive delay the jitter buffer adds to reorder packets; default 60
 * @param ioThreads        threads reading (and relaying) RTP, each with a selector over its share of
 *                         the sockets; default: the number of processors
 */
public record MediaConfig(String bindAddress, String advertisedAddress, int rtpPortMin, int rtpPortMax,
                          int ptimeMs, int jitterBufferMs, int ioThreads) {

    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_PORT_MIN = 20000;
    public static final int DEFAULT_PORT_MAX = 29999;
    public static final int DEFAULT_PTIME_MS = 20;
    public static final int DEFAULT_JITTER_MS = 60;

    public MediaConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw bad("bindAddress", bindAddress, "must be an IP address such as 0.0.0.0");
        }
        if (advertisedAddress == null || advertisedAddress.isBlank()) {
            throw bad("advertisedAddress", advertisedAddress, "must be the address phones can reach (used in SDP c=)");
        }
        if (rtpPortMin < 1024 || rtpPortMin > 65534) {
            throw bad("rtpPortMin", rtpPortMin, "must be between 1024 and 65534");
        }
        if (rtpPortMin % 2 != 0) {
            throw bad("rtpPortMin", rtpPortMin, "must be even (RTP on even ports, RTCP on the next odd one)");
        }
        if (rtpPortMax <= rtpPortMin || rtpPortMax > 65535) {
            throw bad("rtpPortMax", rtpPortMax, "must be above rtpPortMin (" + rtpPortMin + ") and at most 65535");
        }
        if (ptimeMs != 20) {
            throw bad("ptimeMs", ptimeMs, "only 20 ms packets are supported");
        }
        if (jitterBufferMs < 0 || jitterBufferMs > 500 || jitterBufferMs % ptimeMs != 0) {
            throw bad("jitterBufferMs", jitterBufferMs, "must be a multiple of " + ptimeMs + " between 0 and 500");
        }
        if (ioThreads < 1 || ioThreads > 64) {
            throw bad("ioThreads", ioThreads, "must be between 1 and 64");
        }
    }

    /** With as many RTP reader threads as processors. */
    public MediaConfig(String bindAddress, String advertisedAddress, int rtpPortMin, int rtpPortMax, int ptimeMs,
                       int jitterBufferMs) {
        this(bindAddress, advertisedAddress, rtpPortMin, rtpPortMax, ptimeMs, jitterBufferMs, defaultIoThreads());
    }

    /** One reader per processor: relaying is a receive and a send system call per packet, which one thread cannot do for 500 calls. */
    public static int defaultIoThreads() {
        return Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
    }

    /** The same settings with {@code n} reader threads. */
    public MediaConfig withIoThreads(int n) {
        return new MediaConfig(bindAddress, advertisedAddress, rtpPortMin, rtpPortMax, ptimeMs, jitterBufferMs, n);
    }

    /** All defaults, advertising {@code advertisedAddress}. */
    public static MediaConfig defaults(String advertisedAddress) {
        return new MediaConfig(DEFAULT_BIND, advertisedAddress, DEFAULT_PORT_MIN, DEFAULT_PORT_MAX,
                DEFAULT_PTIME_MS, DEFAULT_JITTER_MS);
    }

    /** Loopback only, a given port range: for tests and single-host setups. */
    public static MediaConfig loopback(int rtpPortMin, int rtpPortMax) {
        return new MediaConfig("127.0.0.1", "127.0.0.1", rtpPortMin, rtpPortMax, DEFAULT_PTIME_MS, DEFAULT_JITTER_MS);
    }

    /** How many RTP/RTCP pairs the range holds. */
    public int portPairs() {
        return (rtpPortMax - rtpPortMin + 1) / 2;
    }

    /** Jitter buffer depth in frames. */
    public int jitterFrames() {
        return jitterBufferMs / ptimeMs;
    }

    private static IllegalArgumentException bad(String name, Object value, String why) {
        return new IllegalArgumentException("pbx.media." + name + "=" + value + ": " + why);
    }
}
