package org.reachpbx.server.sip.edge;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the raw header section that the parsed message no longer shows: a single-value header
 * that appears twice (the parser keeps one of them) and conflicting Content-Lengths (RFC 3261
 * §7.3.1, §20; RFC 4475 §3.3.9, §3.3.10).
 */
final class RawHeaders {

    /** Headers of which a request carries one value only. */
    private static final Set<String> SINGLE = Set.of("from", "to", "call-id", "cseq", "max-forwards",
            "content-length", "content-type", "expires");
    private static final Map<String, String> COMPACT = Map.of("f", "from", "t", "to", "i", "call-id",
            "l", "content-length", "c", "content-type");
    private static final Map<String, String> DISPLAY = Map.of("from", "From", "to", "To", "call-id", "Call-ID",
            "cseq", "CSeq", "max-forwards", "Max-Forwards", "content-length", "Content-Length",
            "content-type", "Content-Type", "expires", "Expires");

    private RawHeaders() {
    }

    /** The first problem found, as a reason phrase, or null. */
    static String problem(byte[] message) {
        String text = new String(message, 0, headerEnd(message), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        Map<String, String> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // continuation of the previous header
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            if (!SINGLE.contains(name)) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            String earlier = seen.putIfAbsent(name, value);
            if (earlier != null) {
                if (name.equals("content-length") && !earlier.equals(value)) {
                    return "Conflicting Content-Length";
                }
                return "Duplicate " + DISPLAY.get(name) + " header";
            }
        }
        return null;
    }

    /** The SIP version at the end of a request line ("SIP/2.0"), as sent. */
    static String requestLineVersion(byte[] m) {
        int start = 0;
        while (start < m.length && (m[start] == '\r' || m[start] == '\n')) {
            start++;
        }
        int end = start;
        while (end < m.length && m[end] != '\r' && m[end] != '\n') {
            end++;
        }
        String line = new String(m, start, end - start, StandardCharsets.ISO_8859_1).trim();
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private static int headerEnd(byte[] m) {
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || (m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n'))) {
                return i;
            }
        }
        return m.length;
    }
}
