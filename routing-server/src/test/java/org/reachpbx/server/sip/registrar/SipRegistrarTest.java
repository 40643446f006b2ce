package org.reachpbx.server.sip.registrar;

import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.stack.SipServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import javax.sip.header.ContactHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registrar over real SIP on loopback, with the demo tenant: digest challenge and success with
 * MD5 and SHA-256, wrong password and unknown channel 403, refresh, unregister, malformed 400 and
 * IP listing for a linked channel (IPL-05).
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SipRegistrarTest {

    static final String DOMAIN = "demo.reachpbx.local";

    @Autowired
    SipServer server;
    @Autowired
    RegistrationStore store;
    @Autowired
    RegistrationDirectory directory;
    @Autowired
    TenantViewCache views;

    long tenantId;

    @BeforeEach
    void clean() {
        tenantId = views.byDomain(DOMAIN).orElseThrow().tenantId();
        store.unbindAll(tenantId, "jansen-bureau");
        store.unbindAll(tenantId, "bakker-bureau");
    }

    @AfterEach
    void after() {
        clean();
    }

    TestPhone phone(String user, String password) throws Exception {
        return new TestPhone(user, DOMAIN, password, server.port());
    }

    @Test
    void manyPhonesChallengedAtOnceAllRegister() throws Exception {
        // Issue 15 (3): challenges issued in the same millisecond used to share a nonce, and all but
        // the first answer were taken for replays (401 stale) under load.
        int phones = 24;
        java.util.List<TestPhone> all = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < phones; i++) {
                all.add(phone("jansen-bureau", "kT9v-Wq4mZ2x"));
            }
            java.util.List<Response> challenges = all.parallelStream().map(p -> {
                try {
                    return p.send(p.registerRequest(300, null));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < phones; i++) {
                TestPhone p = all.get(i);
                statuses.add(p.send(p.registerRequest(300, p.answer(challenges.get(i), "MD5"))).getStatusCode());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            for (TestPhone p : all) {
                p.close();
            }
        }
    }

    @Test
    void theDefaultChallengeOffersMd5ThenSha256AndBaresipGetsMd5Alone() throws Exception {
        // Issue 15 (4): out of the box for SIPp 3.6 (reads the first challenge, MD5 only) and baresip 1.0
        // (fails on any non-MD5 challenge); SHA-256 for the clients that read on.
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            java.util.List<String> offered = new java.util.ArrayList<>();
            challenge.getHeaders(WWWAuthenticateHeader.NAME)
                    .forEachRemaining(h -> offered.add(((WWWAuthenticateHeader) h).getAlgorithm()));
            assertThat(offered).containsExactly("MD5", "SHA-256");
            assertThat(phone.send(phone.registerRequest(300, phone.answer(challenge, "SHA-256"))).getStatusCode())
                    .isEqualTo(200);

            javax.sip.message.Request fromBaresip = phone.registerRequest(300, null);
            fromBaresip.setHeader(phone.headers().createUserAgentHeader(java.util.List.of("baresip/1.0.0")));
            Response md5Only = phone.send(fromBaresip);
            offered.clear();
            md5Only.getHeaders(WWWAuthenticateHeader.NAME)
                    .forEachRemaining(h -> offered.add(((WWWAuthenticateHeader) h).getAlgorithm()));
            assertThat(offered).containsExactly("MD5");
        }
    }

    @Test
    void aReplayedAuthorizationIsChallengedAgainAsStale() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            javax.sip.header.AuthorizationHeader auth = phone.answer(challenge, "SHA-256");
            assertThat(phone.send(phone.registerRequest(300, auth)).getStatusCode()).isEqualTo(200);

            // The same Authorization (nonce and nonce count) in a new REGISTER, as an eavesdropper would send it.
            Response replayed = phone.send(phone.registerRequest(300, auth));

            assertThat(replayed.getStatusCode()).isEqualTo(401);
            assertThat(TestPhone.challengeFor(replayed, "SHA-256").isStale()).isTrue();
        }
    }

    @Test
    void aRegisterOutOfOrderDoesNotUndoTheNewerOne() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            assertThat(phone.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            Response challenge = phone.send(phone.registerRequest(0, null));
            javax.sip.message.Request late = phone.registerRequest(0, phone.answer(challenge, "SHA-256"));
            ((javax.sip.header.CSeqHeader) late.getHeader(javax.sip.header.CSeqHeader.NAME)).setSeqNumber(1);

            Response r = phone.send(late);

            assertThat(r.getStatusCode()).isEqualTo(500);
            assertThat(store.bindingsOf(tenantId, "jansen-bureau")).as("the binding stays").hasSize(1);
        }
    }

    @Test
    void oneRegisterMayBindSeveralContacts() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            javax.sip.message.Request r = phone.registerRequest(300, phone.answer(challenge, "SHA-256"));
            String second = "sip:jansen-bureau@127.0.0.1:5999";
            r.addHeader(phone.headers().createContactHeader(
                    javax.sip.SipFactory.getInstance().createAddressFactory().createAddress(second)));

            Response ok = phone.send(r);

            assertThat(ok.getStatusCode()).isEqualTo(200);
            assertThat(store.bindingsOf(tenantId, "jansen-bureau")).extracting(RegistrationStore.Binding::contact)
                    .containsExactlyInAnyOrder(phone.contact(), second);
            assertThat(ok.getHeaders(ContactHeader.NAME)).toIterable().hasSize(2);
        }
    }

    @Test
    void thePathOfARegisterIsStoredAndEchoedToAPhoneThatSupportsIt() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            javax.sip.message.Request r = phone.registerRequest(300, phone.answer(challenge, "SHA-256"));
            // As a proxy in front (Kamailio's add_path_received) puts it, and the phone saying it knows Path.
            String path = "<sip:127.0.0.1:5999;lr;received=sip:127.0.0.1:40000>";
            r.addHeader(phone.headers().createHeader("Path", path));
            r.addHeader(phone.headers().createSupportedHeader("path"));

            Response ok = phone.send(r);

            assertThat(ok.getStatusCode()).isEqualTo(200);
            assertThat(store.bindingsOf(tenantId, "jansen-bureau")).singleElement()
                    .extracting(RegistrationStore.Binding::path).isEqualTo(java.util.List.of(path));
            assertThat(ok.getHeader("Path")).as("RFC 3327 §5.3").isNotNull();
            assertThat(ok.getHeader("Path").toString()).contains("received=sip:127.0.0.1:40000");
        }
    }

    @Test
    void challengesThenRegistersWithMd5() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            assertThat(challenge.getStatusCode()).isEqualTo(401);
            WWWAuthenticateHeader md5 = TestPhone.challengeFor(challenge, "MD5");
            WWWAuthenticateHeader sha = TestPhone.challengeFor(challenge, "SHA-256");
            assertThat(md5.getRealm()).isEqualTo(DOMAIN);
            assertThat(sha.getRealm()).isEqualTo(DOMAIN);
            assertThat(md5.getQop()).isEqualTo("auth");
            assertThat(md5.getNonce()).isNotBlank();

            Response ok = phone.send(phone.registerRequest(300, phone.answer(challenge, "MD5")));
            assertThat(ok.getStatusCode()).isEqualTo(200);
            ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
            assertThat(contact.getAddress().getURI().toString()).isEqualTo(phone.contact());
            assertThat(contact.getExpires()).isBetween(295, 300);
            assertThat(store.bindingsOf(tenantId, "jansen-bureau"))
                    .extracting(RegistrationStore.Binding::contact).containsExactly(phone.contact());
        }
    }

    @Test
    void registersWithSha256AndRefreshesTheBinding() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            assertThat(phone.register(120, "SHA-256").getStatusCode()).isEqualTo(200);
            Response refreshed = phone.register(600, "SHA-256");
            assertThat(refreshed.getStatusCode()).isEqualTo(200);
            assertThat(refreshed.getHeaders(ContactHeader.NAME)).toIterable().hasSize(1);
            assertThat(((ContactHeader) refreshed.getHeader(ContactHeader.NAME)).getExpires()).isBetween(595, 600);
            assertThat(store.bindingsOf(tenantId, "jansen-bureau")).hasSize(1);
        }
    }

    @Test
    void expiresZeroUnregisters() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            assertThat(phone.register(300, "MD5").getStatusCode()).isEqualTo(200);
            Response gone = phone.register(0, "MD5");
            assertThat(gone.getStatusCode()).isEqualTo(200);
            assertThat(gone.getHeader(ContactHeader.NAME)).isNull();
            assertThat(store.bindingsOf(tenantId, "jansen-bureau")).isEmpty();
        }
    }

    @Test
    void tooShortExpiryIsAnswered423() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response brief = phone.register(10, "MD5");
            assertThat(brief.getStatusCode()).isEqualTo(423);
            assertThat(brief.getHeader("Min-Expires").toString()).contains("60");
        }
    }

    @Test
    void wrongPasswordIsForbiddenAfterTheChallenge() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "not-the-password")) {
            assertThat(phone.register(300, "MD5").getStatusCode()).isEqualTo(403);
            assertThat(phone.register(300, "SHA-256").getStatusCode()).isEqualTo(403);
        }
        assertThat(store.bindingsOf(tenantId, "jansen-bureau")).isEmpty();
    }

    @Test
    void unknownChannelAndUnknownDomainLookTheSame() throws Exception {
        try (TestPhone nobody = phone("nobody", "whatever-password");
             TestPhone elsewhere = new TestPhone("jansen-bureau", "other.example", "kT9v-Wq4mZ2x", server.port())) {
            Response challenge = nobody.send(nobody.registerRequest(300, null));
            assertThat(challenge.getStatusCode()).isEqualTo(401);
            assertThat(nobody.send(nobody.registerRequest(300, nobody.answer(challenge, "MD5"))).getStatusCode())
                    .isEqualTo(403);
            assertThat(elsewhere.register(300, "MD5").getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void forgedNonceIsChallengedAgain() throws Exception {
        try (TestPhone phone = phone("jansen-bureau", "kT9v-Wq4mZ2x")) {
            Response challenge = phone.send(phone.registerRequest(300, null));
            var auth = phone.answer(challenge, "MD5");
            auth.setNonce("Zm9yZ2Vk");
            Response again = phone.send(phone.registerRequest(300, auth));
            assertThat(again.getStatusCode()).isEqualTo(401);
        }
    }

    @Test
    void linkedChannelOutsideTheAllowlistIsForbidden() throws Exception {
        // bakker-bureau has linked user 202; the demo tenant has IP listing on and 127.0.0.1 is not allowlisted.
        try (TestPhone phone = phone("bakker-bureau", "Rr8u_Hn3pLw6")) {
            Response refused = phone.register(300, "SHA-256");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getReasonPhrase()).contains("allowlist");
        }
        assertThat(store.bindingsOf(tenantId, "bakker-bureau")).isEmpty();
    }

    @Test
    void incompleteAuthorizationIsABadRequest() throws Exception {
        String message = "REGISTER sip:127.0.0.1:" + server.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-malformed-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:jansen-bureau@" + DOMAIN + ">;tag=abc\r\n"
                + "To: <sip:jansen-bureau@" + DOMAIN + ">\r\n"
                + "Call-ID: malformed-1@127.0.0.1\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:jansen-bureau@127.0.0.1:%d>\r\n"
                + "Authorization: Digest username=\"jansen-bureau\", realm=\"" + DOMAIN + "\"\r\n"
                + "Content-Length: 0\r\n\r\n";
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            int port = socket.getLocalPort();
            byte[] out = String.format(message, port, port).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), server.port()));
            byte[] in = new byte[4096];
            DatagramPacket reply = new DatagramPacket(in, in.length);
            socket.receive(reply);
            String text = new String(in, 0, reply.getLength(), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("SIP/2.0 400 Incomplete Authorization header");
        }
    }

    @Test
    void theLinkedUsersContactsComeFromTheStore() {
        assertThat(directory).isInstanceOf(UserDevices.class);
        store.bind(new RegistrationStore.Binding(tenantId, "bakker-bureau", "sip:bakker-bureau@192.0.2.17:5062",
                "c1", 1, java.time.Instant.now().plusSeconds(300), "192.0.2.17"));
        assertThat(directory.contactsOf(tenantId, "202")).containsExactly("sip:bakker-bureau@192.0.2.17:5062");
        assertThat(directory.contactsOf(tenantId, "201")).isEmpty();
    }
}
