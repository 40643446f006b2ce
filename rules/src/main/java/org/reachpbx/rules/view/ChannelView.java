package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.DtmfMode;
import org.reachpbx.rules.vocabulary.Language;

/**
 * A VoIP channel (CH-01): area code for local dialling and 112 (CH-03), call limit (CH-04), fallback
 * (EFB-06), and whether its calls are anchored in the server ({@code anchorMedia}; null: the
 * tenant's setting), the language of what the server says to it (CH-05; null: Dutch) and how its
 * phone sends keys (CH-02; null: RFC 4733).
 */
public record ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId,
                          String coupledUser, AnchorMedia anchorMedia, Language language, DtmfMode dtmfMode) {

    public ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId, String coupledUser,
                       AnchorMedia anchorMedia, Language language) {
        this(name, areaCode, callLimit, emergencyFallbackCallerId, coupledUser, anchorMedia, language, null);
    }

    public ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId, String coupledUser,
                       AnchorMedia anchorMedia) {
        this(name, areaCode, callLimit, emergencyFallbackCallerId, coupledUser, anchorMedia, null, null);
    }

    /** A channel that takes the tenant's media anchoring. */
    public ChannelView(String name, String areaCode, int callLimit, String emergencyFallbackCallerId, String coupledUser) {
        this(name, areaCode, callLimit, emergencyFallbackCallerId, coupledUser, null, null, null);
    }
}
