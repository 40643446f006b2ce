package org.reachpbx.rules.view;

/** A VoIP channel (CH-01): area code for local dialling and 112 (CH-03), call limit (CH-04), fallback (EFB-06). */
public record ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId,
                          String coupledUser) {
}
