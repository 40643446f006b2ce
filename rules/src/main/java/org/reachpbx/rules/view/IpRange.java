package org.reachpbx.rules.view;

/** An allowlist entry (IPL-03): one address or an inclusive IPv4 range. */
public record IpRange(long from, long to) {
    public static IpRange of(String from, String to) {
        long a = toLong(from);
        return new IpRange(a, to == null || to.isBlank() ? a : toLong(to));
    }

    public boolean contains(long address) {
        return address >= from && address <= to;
    }

    /** IPv4 dotted quad to a number; anything else (IPv6, garbage) never matches. */
    public static long toLong(String ip) {
        String[] parts = ip.trim().split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        try {
            for (String p : parts) {
                int b = Integer.parseInt(p);
                if (b < 0 || b > 255) {
                    return -1;
                }
                v = v << 8 | b;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return v;
    }
}
