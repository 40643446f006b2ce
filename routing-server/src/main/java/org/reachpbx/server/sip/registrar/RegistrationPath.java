package org.reachpbx.server.sip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The Path of a registration (RFC 3327): the proxies a REGISTER came through (e.g. the cluster's
 * Kamailio, which adds itself with the address the phone's packets came from), stored with the
 * binding so that a request to the phone, from whichever instance, goes back through them as its
 * route set: a phone behind NAT is only reachable over the flow it registered on.
 */
public final class RegistrationPath {

    private static final String PATH = "Path";

    private RegistrationPath() {
    }

    /** The REGISTER's Path header values in order (the proxy nearest this server first: each proxy puts its own in front); empty without Path. */
    public static List<String> of(Request register) {
        List<String> path = new ArrayList<>();
        ListIterator<?> it = register.getHeaders(PATH);
        while (it != null && it.hasNext()) {
            if (it.next() instanceof HeaderAddress h) {
                path.add(h.getAddress().toString());
            }
        }
        return path;
    }

    /**
     * RFC 3327 §5.3: a registrar that stored the Path returns it in the 200 OK when the phone said it
     * supports Path, so that the phone knows the route its requests came in on.
     */
    public static void echo(Request register, Response ok) {
        if (!supportsPath(register)) {
            return;
        }
        ListIterator<?> it = register.getHeaders(PATH);
        while (it != null && it.hasNext()) {
            ok.addHeader((javax.sip.header.Header) ((javax.sip.header.Header) it.next()).clone());
        }
    }

    private static boolean supportsPath(Request request) {
        ListIterator<?> it = request.getHeaders(SupportedHeader.NAME);
        while (it != null && it.hasNext()) {
            if (it.next() instanceof SupportedHeader s && "path".equalsIgnoreCase(s.getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the stored Path in front of a new out-of-dialog request to the contact as Route headers
     * (RFC 3327 §5.3, like a pre-loaded route set): the SIP stack then sends it to the first proxy.
     */
    public static void route(Request request, List<String> path, AddressFactory addresses, HeaderFactory headers)
            throws java.text.ParseException {
        for (String hop : path) {
            request.addHeader(headers.createRouteHeader(addresses.createAddress(hop)));  // appended, in order
        }
    }
}
