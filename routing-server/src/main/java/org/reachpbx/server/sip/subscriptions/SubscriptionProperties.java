package org.reachpbx.server.sip.subscriptions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of SUBSCRIBE (RFC 6665): {@code pbx.sip.subscriptions.*}. */
@ConfigurationProperties("pbx.sip.subscriptions")
public class SubscriptionProperties {
    /** Subscriptions one device (SIP account) may hold at once; more are refused 403. */
    private int maxPerDevice = 60;
    /** Shorter asked Expires are refused 423 with this Min-Expires (seconds). */
    private int minExpires = 60;
    /** Longer asked Expires are cut to this (seconds). */
    private int maxExpires = 3600;
    /** Without an Expires header (seconds). */
    private int defaultExpires = 3600;

    public int getMaxPerDevice() {
        return maxPerDevice;
    }

    public void setMaxPerDevice(int maxPerDevice) {
        this.maxPerDevice = maxPerDevice;
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
}
