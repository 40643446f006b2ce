package org.reachpbx.server.sip.b2bua;

import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import org.reachpbx.server.sip.stack.SipProperties.EmergencyAreaCode;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;

/**
 * EFB-07: an emergency call must reach the emergency centre of the caller's region, so the area
 * code the routing decision chose (the channel's, else the user's, CH-03) goes to the carrier the
 * way that trunk is set up for ({@code pbx.sip.trunks[n].emergency-area-code}):
 * <ul>
 *   <li>{@code prefix}: in front of the number in the Request-URI, by
 *       {@code emergency-prefix-format} (default {@code {areaCode}{number}}: {@code sip:010112@carrier});
 *       the To header keeps the number dialled;</li>
 *   <li>{@code header} (default): in the header {@code emergency-header}
 *       ({@code X-Emergency-Area-Code: 010});</li>
 *   <li>{@code none}: not sent (a carrier that routes by the caller ID).</li>
 * </ul>
 * Calls without an emergency area code (every non-emergency call) are left as they are.
 */
final class EmergencyRouting {

    private EmergencyRouting() {
    }

    /** Adds the area code to an INVITE going out on this trunk, if the call has one. */
    static void apply(Trunk trunk, String areaCode, Request invite, HeaderFactory headers) throws Exception {
        if (trunk == null || areaCode == null || areaCode.isBlank()) {
            return;
        }
        EmergencyAreaCode mode = trunk.getEmergencyAreaCode() == null ? EmergencyAreaCode.NONE : trunk.getEmergencyAreaCode();
        switch (mode) {
            case PREFIX -> {
                SipURI uri = (SipURI) invite.getRequestURI().clone();
                uri.setUser(requestUser(trunk.getEmergencyPrefixFormat(), areaCode, uri.getUser()));
                invite.setRequestURI(uri);
            }
            case HEADER -> invite.setHeader(headers.createHeader(trunk.getEmergencyHeader(), areaCode));
            case NONE -> {
            }
        }
    }

    /** The Request-URI user in {@code prefix} mode: the format with {areaCode} and {number} filled in. */
    static String requestUser(String format, String areaCode, String number) {
        return format.replace("{areaCode}", areaCode).replace("{number}", number);
    }

    /** Start-up check of a trunk's settings; the message names the property. */
    static void check(Trunk t) {
        String property = "pbx.sip.trunks: trunk '" + t.getName() + "' ";
        if (t.getEmergencyAreaCode() == EmergencyAreaCode.PREFIX
                && (t.getEmergencyPrefixFormat() == null || !t.getEmergencyPrefixFormat().contains("{number}")
                || !t.getEmergencyPrefixFormat().contains("{areaCode}"))) {
            throw new IllegalStateException(property + "emergency-prefix-format must contain {areaCode} and {number}, not '"
                    + t.getEmergencyPrefixFormat() + "'");
        }
        if (t.getEmergencyAreaCode() == EmergencyAreaCode.HEADER
                && (t.getEmergencyHeader() == null || !t.getEmergencyHeader().matches("[A-Za-z0-9][A-Za-z0-9-]*"))) {
            throw new IllegalStateException(property + "emergency-header must be a header name such as X-Emergency-Area-Code, not '"
                    + t.getEmergencyHeader() + "'");
        }
    }
}
