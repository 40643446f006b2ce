package org.reachpbx.rules.view;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * One tenant's configuration as the rules see it: immutable, indexed, all numbers in national
 * format (ACC-08). It is rebuilt off the call path whenever the configuration changes, so a call
 * never reads the database. {@code anchorMedia} null: the server's default ({@code pbx.media.anchor-media}).
 */
public record TenantView(long tenantId, String name, int extensionLength, ZoneId zone,
                         String emergencyFallbackCallerId, int externalCallLimit, Set<BarringCategory> callBarring,
                         boolean ipListing, List<IpRange> ipAllowlist, Map<String, ExtensionView> extensions,
                         Map<String, NumberView> numbers, Map<Integer, SchemaView> schemas,
                         Map<String, ChannelView> channels, Map<String, String> userOfMobileNumber,
                         AnchorMedia anchorMedia) {
    public TenantView {
        callBarring = Set.copyOf(callBarring);
        ipAllowlist = List.copyOf(ipAllowlist);
        extensions = Map.copyOf(extensions);
        numbers = Map.copyOf(numbers);
        schemas = Map.copyOf(schemas);
        channels = Map.copyOf(channels);
        userOfMobileNumber = Map.copyOf(userOfMobileNumber);
    }

    /** A tenant that takes the server's default media anchoring. */
    public TenantView(long tenantId, String name, int extensionLength, ZoneId zone,
                      String emergencyFallbackCallerId, int externalCallLimit, Set<BarringCategory> callBarring,
                      boolean ipListing, List<IpRange> ipAllowlist, Map<String, ExtensionView> extensions,
                      Map<String, NumberView> numbers, Map<Integer, SchemaView> schemas,
                      Map<String, ChannelView> channels, Map<String, String> userOfMobileNumber) {
        this(tenantId, name, extensionLength, zone, emergencyFallbackCallerId, externalCallLimit, callBarring, ipListing,
                ipAllowlist, extensions, numbers, schemas, channels, userOfMobileNumber, null);
    }

    /**
     * The media anchoring of a call from {@code channelName}: the channel's own setting, else the
     * tenant's; null when neither is set (the server's default applies).
     */
    public AnchorMedia anchorMediaOf(String channelName) {
        ChannelView c = channel(channelName);
        return c != null && c.anchorMedia() != null ? c.anchorMedia() : anchorMedia;
    }

    public ExtensionView extension(String number) {
        return number == null ? null : extensions.get(number);
    }

    public UserView user(String number) {
        return extension(number) instanceof UserView u ? u : null;
    }

    public NumberView number(String nationalNumber) {
        return nationalNumber == null ? null : numbers.get(nationalNumber);
    }

    public ChannelView channel(String name) {
        return name == null ? null : channels.get(name);
    }

    public boolean allowlisted(String ip) {
        if (ip == null) {
            return false;
        }
        long address = IpRange.toLong(ip);
        for (IpRange r : ipAllowlist) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
