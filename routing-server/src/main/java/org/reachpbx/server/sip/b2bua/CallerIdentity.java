package org.reachpbx.server.sip.b2bua;

import java.util.Map;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import org.reachpbx.rules.decision.Presentation;

/**
 * The caller identity a new leg carries, as the routing decision presents it:
 * <ul>
 *   <li>From: the display name (with any route prefixes, IVR-07) and the caller ID;
 *       {@code Anonymous <sip:anonymous@anonymous.invalid>} when withheld (RFC 3323);</li>
 *   <li>P-Asserted-Identity with the real caller ID (RFC 3325) and {@code Privacy: id} when the
 *       caller withheld it, so a trusted peer (the carrier, emergency services) still knows;</li>
 *   <li>the decision's headers (Alert-Info per call type, Diversion on a forward, RFC 5806), and
 *       History-Info (RFC 7044) beside a Diversion.</li>
 * </ul>
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    static FromHeader from(AddressFactory addresses, HeaderFactory headers, Presentation p, String domain, String tag)
            throws Exception {
        Address address;
        if (p == null || p.anonymous() || p.callerId() == null) {
            address = addresses.createAddress("Anonymous", addresses.createSipURI("anonymous", "anonymous.invalid"));
        } else {
            address = addresses.createAddress(p.displayName(), addresses.createSipURI(p.callerId(), domain));
        }
        return headers.createFromHeader(address, tag);
    }

    /**
     * Adds P-Asserted-Identity, Privacy, the decision's headers and History-Info.
     *
     * @param original the number or extension originally called (History-Info index 1)
     * @param target   who this leg calls (History-Info index 1.1)
     */
    static void apply(Request request, AddressFactory addresses, HeaderFactory headers, Presentation p,
                      Map<String, String> decided, String domain, String original, String target) throws Exception {
        if (p != null && p.callerId() != null) {
            String display = p.anonymous() ? null : p.displayName();
            SipURI uri = addresses.createSipURI(p.callerId(), domain);
            request.addHeader(headers.createHeader("P-Asserted-Identity",
                    (display == null ? "" : "\"" + display.replace("\"", "'") + "\" ") + "<" + uri + ">"));
        }
        if (p == null || p.anonymous()) {
            request.addHeader(headers.createHeader("Privacy", "id"));
        }
        if (decided == null) {
            return;
        }
        for (Map.Entry<String, String> h : decided.entrySet()) {
            String value = "Alert-Info".equalsIgnoreCase(h.getKey()) ? alertInfo(h.getValue()) : h.getValue();
            request.addHeader(headers.createHeader(h.getKey(), value));
        }
        String diversion = decided.get("Diversion");
        if (diversion != null && original != null) {
            request.addHeader(headers.createHeader("History-Info", "<sip:" + original + "@" + domain + ">;index=1, "
                    + "<sip:" + target + "@" + domain + "?Reason=SIP%3Bcause%3D" + historyCause(diversion) + ">;index=1.1"));
        }
    }

    /**
     * The analysts' Alert-Info tables hold ring-tone names ({@code alert-group}); on the wire it is a
     * URI with the name also as {@code info}, which is what desk phones (Yealink, Snom) match on.
     */
    static String alertInfo(String value) {
        return value.startsWith("<") ? value : "<urn:alert:service:" + value + ">;info=" + value;
    }

    /** The RFC 4458 cause of the retargeting, from the Diversion reason. */
    static int historyCause(String diversion) {
        if (diversion.contains("reason=user-busy")) {
            return 486;
        }
        if (diversion.contains("reason=no-answer")) {
            return 408;
        }
        if (diversion.contains("reason=unavailable")) {
            return 503;
        }
        if (diversion.contains("reason=deflection")) {
            return 480;
        }
        return 302;
    }
}
