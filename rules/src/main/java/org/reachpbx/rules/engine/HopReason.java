package org.reachpbx.rules.engine;

/** Why a hop exists: the first destination, or which forward/step led to it. */
public enum HopReason {
    INITIAL("initial"), FORWARD_ALWAYS("unconditional"), ON_BUSY("user-busy"), ON_NO_ANSWER("no-answer"),
    ON_UNREACHABLE("unavailable"), ROUTED("follow-me"), MEMBER("member"), FALLBACK("time-of-day");

    private final String diversionReason;

    HopReason(String diversionReason) {
        this.diversionReason = diversionReason;
    }

    /** The RFC 5806 Diversion reason for a forwarded leg. */
    public String diversionReason() {
        return diversionReason;
    }

    public boolean isForward() {
        return this == FORWARD_ALWAYS || this == ON_BUSY || this == ON_NO_ANSWER || this == ON_UNREACHABLE;
    }
}
