package org.reachpbx.server.sip.registrar;

import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Whether a digest response's {@code uri} names the request it came with (RFC 3261 §22.4: it must
 * equal the Request-URI), so a response captured for one request cannot authorise another.
 * <p>
 * Tolerance, because phones differ in form: the comparison is by scheme (sip/sips alike), user,
 * host (case-insensitive) and port (absent = 5060), ignoring URI parameters and headers; some
 * phones drop {@code ;transport=tcp} or add {@code ;user=phone}. A uri that cannot be parsed as a
 * SIP URI must equal the Request-URI's text exactly. The host may also be the realm (the tenant's SIP
 * domain): phones behind an outbound proxy send to the server's address but sign {@code sip:domain}.
 * The digest uri is defence in depth: replays are stopped by the nonce itself ({@link DigestAuth}).
 * <p>
 * Also accepted: a uri without user that names this server by the address and port it listens on
 * ({@link #namesServer}): SIPp 3.6 signs {@code sip:<server ip>:<port>} whatever the Request-URI.
 */
final class DigestUri {

    private DigestUri() {
    }

    static boolean matches(String digestUri, URI requestUri, String realm) {
        String text = digestUri.trim();
        if (text.equals(requestUri.toString())) {
            return true;
        }
        if (!(requestUri instanceof SipURI r)) {
            return false;
        }
        String lower = text.toLowerCase();
        int colon = text.indexOf(':');
        if (colon < 0 || !(lower.startsWith("sip:") || lower.startsWith("sips:"))) {
            return false;
        }
        String rest = text.substring(colon + 1);
        int end = indexOfAny(rest, ";?");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        int port = -1;
        int portColon = rest.lastIndexOf(':');
        if (portColon > rest.lastIndexOf(']')) {
            host = rest.substring(0, portColon);
            try {
                port = Integer.parseInt(rest.substring(portColon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return equalsOrBothNull(user, r.getUser())
                && (host.equalsIgnoreCase(r.getHost()) && portOrDefault(port) == portOrDefault(r.getPort())
                    || host.equalsIgnoreCase(realm));
    }

    /** Whether the digest uri is {@code sip:host:port} (no user) of one of this server's addresses. */
    static boolean namesServer(String digestUri, java.util.Collection<String> serverHosts, int serverPort) {
        String text = digestUri.trim().toLowerCase();
        if (!text.startsWith("sip:") || text.indexOf('@') >= 0) {
            return false;
        }
        String rest = text.substring(4);
        int end = indexOfAny(rest, ";?");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= rest.lastIndexOf(']')) {
            return false; // no port: a bare address is too easily the realm's; the realm rule covers it
        }
        String host = rest.substring(0, colon);
        try {
            if (Integer.parseInt(rest.substring(colon + 1)) != serverPort) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return serverHosts.stream().anyMatch(h -> h != null && h.equalsIgnoreCase(host));
    }

    private static int portOrDefault(int port) {
        return port <= 0 ? 5060 : port;
    }

    private static boolean equalsOrBothNull(String a, String b) {
        return a == null || a.isEmpty() ? b == null || b.isEmpty() : a.equals(b);
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
