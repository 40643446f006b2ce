package org.reachpbx.server.sip.registrar;

import java.util.Locale;

/** The host, port and transport of a Contact URI as stored in a binding, read without a SIP parser. */
final class ContactAddress {

    private ContactAddress() {
    }

    /** Whether the Contact is reached over TLS: a {@code sips:} URI or {@code transport=tls}. */
    static boolean isTls(String contact) {
        String c = contact.toLowerCase(Locale.ROOT);
        return c.startsWith("sips:") || c.contains(";transport=tls");
    }

    /** Whether the Contact's host and port (default 5061 for TLS, else 5060) are {@code host:port}. */
    static boolean names(String contact, String host, int port) {
        String rest = contact.substring(contact.indexOf(':') + 1);
        int end = indexOfAny(rest, ";?>");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        String h = rest;
        int p = isTls(contact) ? 5061 : 5060;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf(']')) {
            h = rest.substring(0, colon);
            try {
                p = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return p == port && h.replace("[", "").replace("]", "").equalsIgnoreCase(host.replace("[", "").replace("]", ""));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
