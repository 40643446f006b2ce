package org.reachpbx.server.sip.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * Digits sent by SIP INFO instead of RFC 4733: {@code application/dtmf-relay} ("Signal=5") and
 * {@code application/dtmf} ("5"); both feed the same digit collector as RTP events.
 */
final class SignalledDigits {

    private SignalledDigits() {
    }

    static Optional<Character> of(Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        byte[] body = info.getRawContent();
        if (type == null || body == null || !"application".equalsIgnoreCase(type.getContentType())) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        String sub = type.getContentSubType().toLowerCase();
        if (sub.equals("dtmf-relay")) {
            for (String line : text.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("signal")) {
                    return digit(line.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        }
        return sub.equals("dtmf") ? digit(text) : Optional.empty();
    }

    private static Optional<Character> digit(String value) {
        if (value.length() == 1 && "0123456789*#ABCDabcd".indexOf(value.charAt(0)) >= 0) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        if (value.equals("10")) {
            return Optional.of('*');
        }
        if (value.equals("11")) {
            return Optional.of('#');
        }
        return Optional.empty();
    }
}
