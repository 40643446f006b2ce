package org.reachpbx.directory.validation;

import java.util.Optional;

/**
 * IP allowlist rules of IPL-03: a single IPv4 address, or a range whose start is lower than its
 * end, of at most 256 addresses inside one x.x.x.0–x.x.x.255 block.
 */
final class Ipv4Range {

    private Ipv4Range() {
    }

    /**
     * What is wrong with the entry {@code from}–{@code to} at {@code path}, or empty. The violation
     * names the field at fault: {@code from} when the start is no address, {@code to} otherwise.
     * {@code to} may be null for one address.
     */
    static Optional<Violation> check(String path, String from, String to) {
        long start = parse(from);
        if (start < 0) {
            return Optional.of(Violation.of(path + ".from", "notAnIpv4Address", from));
        }
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        long end = parse(to);
        if (end < 0) {
            return Optional.of(Violation.of(path + ".to", "notAnIpv4Address", to));
        }
        if (start >= end) {
            return Optional.of(Violation.of(path + ".to", "ipStartNotLower", from, to));
        }
        if ((start >> 8) != (end >> 8)) {
            return Optional.of(Violation.of(path + ".to", "ipRangeTooWide", from, to));
        }
        return Optional.empty();
    }

    /** The address as a number, or -1 when it is not a dotted-quad IPv4 address. */
    static long parse(String address) {
        if (address == null || !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return -1;
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }
}
