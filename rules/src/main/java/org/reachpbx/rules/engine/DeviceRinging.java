package org.reachpbx.rules.engine;

/** Devices of a user ring for this hop: the Alert-Info rules pick the call type (RING-01, RING-05). */
public final class DeviceRinging {
    private final Hop hop;
    private final Call call;

    public DeviceRinging(Hop hop, Call call) {
        this.hop = hop;
        this.call = call;
    }

    public Hop getHop() { return hop; }
    public boolean isGroupCall() { return hop.nearest(HopTarget.GROUP) != null; }
    public boolean isInternalCall() { return call.isInternalCaller(); }
    public boolean isInternationalCaller() { return call.isInternationalCaller(); }
}
