package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.stack.SipProperties;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;

/**
 * The configured SIP trunks: which source addresses are carriers (their INVITEs are trusted
 * without digest, IP authentication) and where external numbers go.
 */
public class Trunks {

    private final List<Trunk> trunks;
    private final Map<String, Trunk> bySource = new HashMap<>();

    public Trunks(SipProperties properties) {
        this.trunks = List.copyOf(properties.getTrunks());
        for (Trunk t : trunks) {
            if (t.getHost() == null || t.getHost().isBlank()) {
                throw new IllegalStateException("pbx.sip.trunks: trunk '" + t.getName() + "' has no host");
            }
            if (!"udp".equalsIgnoreCase(t.getTransport()) && !"tcp".equalsIgnoreCase(t.getTransport())) {
                throw new IllegalStateException("pbx.sip.trunks: trunk '" + t.getName() + "' transport must be udp or tcp, not "
                        + t.getTransport());
            }
            EmergencyRouting.check(t);
            if (t.isInbound()) {
                bySource.put(address(t.getHost()), t);
                t.getInboundAddresses().forEach(a -> bySource.put(address(a), t));
            }
        }
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (Exception e) {
            throw new IllegalStateException("pbx.sip.trunks: cannot resolve " + host + ": " + e.getMessage(), e);
        }
    }

    /** The trunk an INVITE from this source address comes from, if it is a carrier's. */
    public Optional<Trunk> inboundFrom(String sourceAddress) {
        return sourceAddress == null ? Optional.empty() : Optional.ofNullable(bySource.get(sourceAddress));
    }

    /** The trunk external and emergency calls go out on. */
    public Optional<Trunk> outbound() {
        return trunks.stream().filter(Trunk::isOutbound).findFirst();
    }

    public List<Trunk> all() {
        return trunks;
    }
}
