package org.reachpbx.server.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * SIP over TLS on loopback (issue 15 item 9, ENC-01/ENC-02): the server makes its self-signed
 * keystore at start, a phone that trusts it registers and calls over TLS with {@code sips:} URIs,
 * and a channel that requires encryption is refused over UDP (403) but accepted over TLS.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pbx.sip.tls.enabled=true", "pbx.sip.tls.generated-keystore=" + SipTlsTest.KEYSTORE,
                "pbx.sip.edge.tcp.message-timeout=3s"})
@ActiveProfiles("test")
class SipTlsTest {

    static final String KEYSTORE = "target/sip-tls-test/sip-tls.p12";
    static final String DOMAIN = "tls.reachpbx.test";

    @Autowired
    SipServer server;
    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache views;
    @Autowired
    RegistrationStore registrations;
    @Autowired
    org.reachpbx.server.sip.edge.SipEdge edge;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    long tenantId;
    final java.util.List<TestPhone> phones = new java.util.ArrayList<>();

    @BeforeEach
    void tenant() throws Exception {
        tenantId = org.reachpbx.server.sip.TestTenants.ensure(store, views, "Tls Test BV", "sip/tls-tenant.yaml");
    }

    @AfterEach
    void closePhones() {
        registrations.unbindAll(tenantId, "ch401");
        registrations.unbindAll(tenantId, "ch402");
        phones.forEach(TestPhone::close);
        phones.clear();
    }

    TestPhone tlsPhone(String channel, String password) throws Exception {
        TestPhone phone = TestPhone.overTls(channel, DOMAIN, password, server.tlsPort(), Path.of(KEYSTORE),
                TlsKeystore.GENERATED_PASSWORD);
        phones.add(phone);
        return phone;
    }

    TestPhone udpPhone(String channel, String password) throws Exception {
        TestPhone phone = new TestPhone(channel, DOMAIN, password, server.port());
        phones.add(phone);
        return phone;
    }

    @Test
    void theServerPresentsItsGeneratedCertificateOnTheTlsPort() throws Exception {
        assertThat(server.tlsPort()).isPositive().isNotEqualTo(server.port());
        javax.net.ssl.SSLContext trusting = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(Path.of(KEYSTORE))) {
            ks.load(in, TlsKeystore.GENERATED_PASSWORD.toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        trusting.init(null, tmf.getTrustManagers(), null);
        SSLSocketFactory factory = trusting.getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", server.tlsPort())) {
            socket.startHandshake();
            var certificate = (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(certificate.getSubjectX500Principal().getName()).contains("ReachPBX demo");
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void aChannelThatRequiresEncryptionRegistersOverTlsAndIsRefusedOverUdp() throws Exception {
        Response overUdp = udpPhone("ch401", "pw-401-secret").register(300, "SHA-256");
        assertThat(overUdp.getStatusCode()).isEqualTo(Response.FORBIDDEN);
        assertThat(overUdp.getReasonPhrase()).contains("Encryption required");
        assertThat(registrations.bindingsOf(tenantId, "ch401")).isEmpty();

        TestPhone secure = tlsPhone("ch401", "pw-401-secret");
        Response overTls = secure.register(300, "SHA-256");
        assertThat(overTls.getStatusCode()).isEqualTo(Response.OK);
        assertThat(registrations.bindingsOf(tenantId, "ch401")).extracting(RegistrationStore.Binding::contact)
                .containsExactly(secure.contact());
        // The phone's TLS connection counts against the SIP edge's connection caps, like TCP ones.
        assertThat(edge.snapshot().openTcpConnections()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChannelWithoutTheRequirementMayUseEitherTransport() throws Exception {
        assertThat(udpPhone("ch402", "pw-402-secret").register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        double challenges = registerAnswersSent("4xx");
        double accepted = registerAnswersSent("2xx");
        assertThat(tlsPhone("ch402", "pw-402-secret").register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        // the answers on the TLS connection are counted as sent (docs/operations.md), in plaintext
        assertThat(registerAnswersSent("4xx") - challenges).as("the 401 over TLS").isGreaterThanOrEqualTo(1);
        assertThat(registerAnswersSent("2xx") - accepted).as("the 200 over TLS").isGreaterThanOrEqualTo(1);
    }

    private double registerAnswersSent(String status) {
        var counter = meters.find("pbx.sip.responses.sent").tag("method", "REGISTER").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCallFromAnEncryptedChannelOverUdpIsRefusedAndOverTlsItRings() throws Exception {
        TestPhone callee = udpPhone("ch402", "pw-402-secret").answering(TestPhone.Answering.ANSWER);
        assertThat(callee.register(300, "SHA-256").getStatusCode()).isEqualTo(200);

        Response refused = udpPhone("ch401", "pw-401-secret").invite("402", "SHA-256");
        assertThat(refused.getStatusCode()).isEqualTo(Response.FORBIDDEN);
        assertThat(refused.getReasonPhrase()).contains("Encryption required");
        assertThat(callee.incoming.poll(300, TimeUnit.MILLISECONDS)).isNull();

        TestPhone caller = tlsPhone("ch401", "pw-401-secret");
        assertThat(caller.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        TestPhone.Call call = caller.call("402");
        assertThat(call.awaitFinal(10).getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        assertThat(callee.incoming.poll(5, TimeUnit.SECONDS)).isNotNull();
        call.hangUp();
        assertThat(callee.byes.poll(5, TimeUnit.SECONDS)).as("the callee gets the BYE").isNotNull();
    }

    @Test
    void aCallToAPhoneRegisteredOverTlsGoesBackThroughItsOwnConnection() throws Exception {
        // The server does not trust the phone's certificate (no trust store configured): the call can
        // only reach it through the TLS connection the phone opened when it registered.
        TestPhone callee = tlsPhone("ch401", "pw-401-secret").answering(TestPhone.Answering.ANSWER);
        assertThat(callee.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        TestPhone caller = udpPhone("ch402", "pw-402-secret");
        assertThat(caller.register(300, "SHA-256").getStatusCode()).isEqualTo(200);

        TestPhone.Call call = caller.call("401");
        TestPhone.Incoming in = callee.incoming.poll(10, TimeUnit.SECONDS);
        assertThat(in).as("the INVITE at the TLS phone").isNotNull();
        assertThat(in.header("Via")).containsIgnoringCase("TLS");
        assertThat(call.awaitFinal(10).getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        call.hangUp();
        assertThat(callee.byes.poll(5, TimeUnit.SECONDS)).as("the BYE at the TLS phone").isNotNull();
    }

    @Test
    void aConnectionThatNeverFinishesItsTlsHandshakeIsClosed() throws Exception {
        // Slowloris before TLS is up: a ClientHello record header, then nothing. The message timeout
        // (3 s here) applies to the handshake as to a message.
        long before = edge.counter("tcp.closed-slow-message");
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), server.tlsPort())) {
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
            s.getOutputStream().flush();
            s.setSoTimeout(15_000);
            int read;
            try {
                read = s.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertThat(read).as("closed by the server").isEqualTo(-1);
        }
        assertThat(edge.counter("tcp.closed-slow-message")).isGreaterThan(before);
    }
}
