package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.Language;

/**
 * A VoIP channel (CH-01): area code for local dialling and 112 (CH-03), call limit (CH-04), fallback
 * (EFB-06), and whether its calls are anchored in the server ({@code anchorMedia}; null: the
 * tenant's setting), and the language of what the server says to it (CH-05; null: Dutch).
 */
public record ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId,
                          String coupledUser, AnchorMedia anchorMedia, Language language) {

    public ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId, String coupledUser,
                       AnchorMedia anchorMedia) {
        this(name, areaCode, callLimit, emergencyFallbackCallerId, coupledUser, anchorMedia, null);
    }

    /** A channel that takes the tenant's media anchoring. */
    public ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId, String coupledUser) {
        this(name, areaCode, callLimit, emergencyFallbackCallerId, coupledUser, null, null);
    }
}
