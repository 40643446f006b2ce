package org.reachpbx.server.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.sip.TcpPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A TLS connection the server opens itself (issue 17): a phone with a {@code transport=tls} contact
 * and no connection of its own to reuse (its binding made on another node of a cluster) is called
 * over a connection the server opens, one connection, and what the server sends on it is counted.
 * (A phone registered here over TLS is called through its own connection: {@link SipTlsTest}.) The
 * server trusts its own generated certificate here, which the phone's side presents.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pbx.sip.tls.enabled=true", "pbx.sip.tls.generated-keystore=" + OutboundTlsTest.KEYSTORE,
                "pbx.sip.tls.truststore=" + OutboundTlsTest.KEYSTORE,
                "pbx.sip.tls.truststore-password=" + TlsKeystore.GENERATED_PASSWORD})
@ActiveProfiles("test")
class OutboundTlsTest {

    static final String KEYSTORE = "target/sip-tls-outbound-test/sip-tls.p12";
    static final String DOMAIN = SipTlsTest.DOMAIN;

    @Autowired
    SipServer server;
    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache views;
    @Autowired
    RegistrationStore registrations;
    @Autowired
    MeterRegistry meters;

    long tenantId;
    final List<TestPhone> phones = new ArrayList<>();

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

    private double requestsSent(String method) {
        var counter = meters.find("pbx.sip.requests.sent").tag("method", method).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPhoneWithATlsContactIsCalledOverAConnectionTheServerOpensAndItsMessagesAreCounted() throws Exception {
        try (TcpPeer bramOverTls = TcpPeer.overTls(Path.of(KEYSTORE), TlsKeystore.GENERATED_PASSWORD)) {
            // Bram's binding as another node of a cluster knows it: his TLS contact, and no connection of
            // his to reuse here (no source), so the server opens the connection itself
            registrations.bind(new RegistrationStore.Binding(tenantId, "ch402",
                    "sip:ch402@127.0.0.1:" + bramOverTls.port() + ";transport=tls", "outbound-tls-" + System.nanoTime(), 1,
                    Instant.now().plusSeconds(300), null, 0, "TcpPeer", null, List.of()));
            TestPhone anna = TestPhone.overTls("ch401", DOMAIN, "pw-401-secret", server.tlsPort(), Path.of(KEYSTORE),
                    TlsKeystore.GENERATED_PASSWORD);
            phones.add(anna);
            assertThat(anna.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            double invites = requestsSent("INVITE");
            double acks = requestsSent("ACK");

            TestPhone.Call call = anna.call("402");
            TcpPeer.Received invite = bramOverTls.await("INVITE ", 10);
            assertThat(invite.text()).startsWith("INVITE sip:ch402@127.0.0.1:" + bramOverTls.port());
            invite.answer(invite.response("486 Busy Here"));
            assertThat(bramOverTls.await("ACK ", 5).connection()).isSameAs(invite.connection());
            assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(Response.BUSY_HERE);
            assertThat(bramOverTls.connections()).as("one connection, opened by the server and used").isEqualTo(1);
            // the counters move as the sends return, a moment after the bytes arrived here
            for (int i = 0; i < 50 && requestsSent("ACK") - acks < 1; i++) {
                Thread.sleep(100);
            }
            assertThat(requestsSent("INVITE") - invites).as("the INVITE, counted once").isEqualTo(1);
            assertThat(requestsSent("ACK") - acks).as("the ACK of the 486").isEqualTo(1);
        }
    }
}
