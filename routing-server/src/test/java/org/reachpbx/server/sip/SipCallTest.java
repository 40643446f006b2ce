package org.reachpbx.server.sip;

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

    @Test
    void aWrongPasswordCannotCall() throws Exception {
        try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "not-the-password", server.port())) {
            Response refused = phone.invite("0906123456", "MD5");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getHeader("Reason")).isNull();
        }
    }
}
