package org.reachpbx.server.sip;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the SIP server ({@code pbx.sip.*}, see docs/sip.md). */
@ConfigurationProperties("pbx.sip")
public class SipProperties {
    /** Whether the SIP stack starts with the application. */
    private boolean enabled = true;
    /** Address to listen on (UDP and TCP). */
    private String host = "0.0.0.0";
    /** Port to listen on (UDP and TCP); 0 picks a free port (tests). */
    private int port = 5060;
    /** Address written into Via/Contact headers when {@code host} is a wildcard address. */
    private String advertisedHost = "";
    /** How long a digest nonce may be used before the client is challenged again with stale=true. */
    private Duration nonceLifetime = Duration.ofMinutes(5);
    /**
     * The digest challenges offered, in this order (one WWW-Authenticate each). Clients that read
     * only the first challenge (SIPp 3.6, some older phones) need MD5 first.
     */
    private java.util.List<String> digestAlgorithms = new java.util.ArrayList<>(java.util.List.of("SHA-256", "MD5"));
    /** Registration expiry bounds (seconds). */
    private int minExpires = 60;
    private int maxExpires = 3600;
    private int defaultExpires = 3600;
    /** Worker threads of the stack (STACK.md "JAIN-SIP throughput"). */
    private int threadPoolSize = 4;
    /** UDP receive buffer in bytes. */
    private int receiveUdpBufferSize = 4 * 1024 * 1024;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public Duration getNonceLifetime() {
        return nonceLifetime;
    }

    public void setNonceLifetime(Duration nonceLifetime) {
        this.nonceLifetime = nonceLifetime;
    }

    public int getMinExpires() {
        return minExpires;
    }

    public void setMinExpires(int minExpires) {
        this.minExpires = minExpires;
    }

    public int getMaxExpires() {
        return maxExpires;
    }

    public void setMaxExpires(int maxExpires) {
        this.maxExpires = maxExpires;
    }

    public int getDefaultExpires() {
        return defaultExpires;
    }

    public void setDefaultExpires(int defaultExpires) {
        this.defaultExpires = defaultExpires;
    }

    public int getThreadPoolSize() {
        return threadPoolSize;
    }

    public void setThreadPoolSize(int threadPoolSize) {
        this.threadPoolSize = threadPoolSize;
    }

    public int getReceiveUdpBufferSize() {
        return receiveUdpBufferSize;
    }

    public void setReceiveUdpBufferSize(int receiveUdpBufferSize) {
        this.receiveUdpBufferSize = receiveUdpBufferSize;
    }

    public java.util.List<String> getDigestAlgorithms() {
        return digestAlgorithms;
    }

    public void setDigestAlgorithms(java.util.List<String> digestAlgorithms) {
        this.digestAlgorithms = digestAlgorithms;
    }
}
