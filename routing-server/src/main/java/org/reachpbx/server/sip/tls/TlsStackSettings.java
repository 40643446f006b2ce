package org.reachpbx.server.sip.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Properties;
import org.reachpbx.server.sip.stack.SipProperties;

/**
 * The SIP stack's TLS settings ({@code pbx.sip.tls.*}): its keystore and trust store given to the
 * stack alone (the stack's own {@code javax.net.ssl.*} properties, not the JVM-wide system
 * properties, so the web server and other clients are not affected), no client certificates, the
 * TLS versions, and the router that sends requests to TLS phones through their own connections.
 */
public final class TlsStackSettings {

    private TlsStackSettings() {
    }

    /**
     * Adds the TLS settings to the properties of the stack named {@code stackName}; the TLS port to
     * listen on (checked to be free), or -1 when TLS is off.
     */
    public static int apply(SipProperties properties, Properties stack, String host, String stackName,
                            TlsFlowRouter.Flows flows) {
        SipProperties.Tls tls = properties.getTls();
        if (!tls.isEnabled()) {
            return -1;
        }
        TlsKeystore.Location keystore = TlsKeystore.resolve(tls,
                TlsKeystore.namesFor(properties.getAdvertisedHost(), host), Clock.systemUTC());
        stack.setProperty("javax.net.ssl.keyStore", keystore.path().toAbsolutePath().toString());
        stack.setProperty("javax.net.ssl.keyStorePassword", keystore.password());
        stack.setProperty("javax.net.ssl.keyStoreType", keystore.type());
        if (tls.getTruststore() != null && !tls.getTruststore().isBlank()) {
            TlsKeystore.Location trust = new TlsKeystore.Location(Path.of(tls.getTruststore()),
                    tls.getTruststorePassword(), tls.getTruststoreType());
            TlsKeystore.checkTrust(trust);
            stack.setProperty("javax.net.ssl.trustStore", trust.path().toAbsolutePath().toString());
            stack.setProperty("javax.net.ssl.trustStorePassword", trust.password());
            stack.setProperty("javax.net.ssl.trustStoreType", trust.type());
        } else if (jdkTrustStore() != null) {
            stack.setProperty("javax.net.ssl.trustStore", jdkTrustStore());
            stack.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            stack.setProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
        }
        // Phones have no client certificates; the trust store is for the TLS connections we open.
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", tls.getProtocols()));
        // Requests to a phone registered over TLS go back through its own connection.
        stack.setProperty("javax.sip.ROUTER_PATH", TlsFlowRouter.class.getName());
        stack.setProperty("gov.nist.javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        TlsFlowRouter.register(stackName, flows);
        int wanted = properties.getPort() == 0 || tls.getPort() == 0 ? freePort(host) : tls.getPort();
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), wanted));
        } catch (Exception e) {
            TlsFlowRouter.unregister(stackName);
            throw new IllegalStateException("The SIP TLS port " + host + ":" + wanted + " is in use (" + e.getMessage()
                    + "). Set pbx.sip.tls.port (PBX_SIP_TLS_PORT) to a free port.", e);
        }
        return wanted;
    }

    /**
     * The JDK's CA certificates (the stack wants a file; without one it warns at every start), or
     * null when the JVM has its own trust store setting (the stack then falls back to it) or the
     * file is not there.
     */
    private static String jdkTrustStore() {
        if (System.getProperty("javax.net.ssl.trustStore") != null) {
            return null;
        }
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        return Files.isReadable(cacerts) ? cacerts.toString() : null;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException("no free SIP TLS port on " + host, e);
        }
    }
}
