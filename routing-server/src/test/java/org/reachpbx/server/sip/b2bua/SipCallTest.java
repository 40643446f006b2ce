package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.stack.SipServer;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * INVITE from a demo channel over real SIP on loopback: 407 digest challenge, then the routing
 * engine's decision; a refusal is answered with the decision's SIP status and a Reason.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SipCallTest {

    static final String DOMAIN = "demo.reachpbx.local";

    @Autowired
    SipServer server;

    @Test
    void anInviteIsChallengedWithProxyAuthenticate() throws Exception {
        try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "kT9v-Wq4mZ2x", server.port())) {
            Response first = phone.invite("0906123456", null);
            assertThat(first.getStatusCode()).isEqualTo(407);
            ProxyAuthenticateHeader h = (ProxyAuthenticateHeader) first.getHeader(ProxyAuthenticateHeader.NAME);
            assertThat(h.getRealm()).isEqualTo(DOMAIN);
            assertThat(h.getQop()).isEqualTo("auth");
        }
    }

    @Test
    void aRefusalIsAnsweredWithTheDecisionsStatusAndReason() throws Exception {
        // The demo tenant has IP listing on and 127.0.0.1 is not allowlisted: an outgoing call
        // needs a 901 log-in first (IPL-01), which the rules answer 403.
        try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "kT9v-Wq4mZ2x", server.port())) {
            Response refused = phone.invite("0906123456", "SHA-256");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getHeader("Reason")).isNotNull();
            assertThat(refused.getHeader("Reason").toString()).contains("SIP").contains("cause=403").contains("901");
        }
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    org.reachpbx.directory.store.TenantStore store;

    /** The README's "Make a call" on the demo tenant: log both users in, then 201 calls 203. */
    @Test
    void afterLoggingInADemoUserCallsAnother() throws Exception {
        long demo = store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        try (TestPhone jansen = new TestPhone("jansen-bureau", DOMAIN, "kT9v-Wq4mZ2x", server.port());
             TestPhone dejong = new TestPhone("dejong-bureau", DOMAIN, "Vb5e.Tx7kQm2", server.port())) {
            assertThat(jansen.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            assertThat(dejong.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            var admin = http.withBasicAuth("admin", "demo-admin");
            for (String[] login : new String[][] {{"201", "jansen-bureau"}, {"203", "dejong-bureau"}}) {
                assertThat(admin.postForEntity("/api/tenants/" + demo + "/logins",
                        java.util.Map.of("user", login[0], "channel", login[1]), String.class)
                        .getStatusCode().value()).isEqualTo(200);
            }
            dejong.answering(TestPhone.Answering.ANSWER, 200);

            TestPhone.Call call = jansen.call("203");
            TestPhone.Incoming in = dejong.awaitCall(5);
            assertThat(in.header("From")).contains("sip:201@");
            assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
            call.ack();
            call.hangUp();
            assertThat(dejong.byes.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            jansen.register(0, "SHA-256");
            dejong.register(0, "SHA-256");
            admin.delete("/api/tenants/" + demo + "/channels/jansen-bureau/login");
            admin.delete("/api/tenants/" + demo + "/channels/dejong-bureau/login");
        }
    }

    @Test
    void aWrongPasswordCannotCall() throws Exception {
        try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "not-the-password", server.port())) {
            Response refused = phone.invite("0906123456", "MD5");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getHeader("Reason")).isNull();
        }
    }
}
