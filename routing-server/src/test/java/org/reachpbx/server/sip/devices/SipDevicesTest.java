package org.reachpbx.server.sip.devices;

import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.b2bua.B2buaTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Registrations and users on devices over REST: registration state per channel (and its expiry on
 * time), 901-style logins with hotdesking and twinning decided by the service rules, the counted
 * authentication failures, and message waiting when a phone registers.
 */
class SipDevicesTest extends B2buaTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DeviceLogins logins;
    @Autowired
    OutboxMessageRepository outbox;

    TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo-admin");
    }

    JsonNode channel(String name) throws Exception {
        JsonNode all = json.readTree(admin().getForObject("/api/tenants/" + tenantId + "/channels", String.class));
        for (JsonNode c : all) {
            if (c.get("channel").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + name);
    }

    @Test
    void registrationStateIsVisibleAndExpiresOnTime() throws Exception {
        TestPhone phone = phone("203");
        JsonNode state = channel("ch203");
        assertThat(state.get("registered").asBoolean()).isTrue();
        assertThat(state.get("linkedUser").asText()).isEqualTo("203");
        JsonNode reg = state.get("registrations").get(0);
        assertThat(reg.get("contact").asText()).isEqualTo(phone.contact());
        assertThat(reg.get("source").asText()).isEqualTo("127.0.0.1:" + phone.port());
        assertThat(reg.get("userAgent").asText()).isEqualTo("ReachPBX-TestPhone/1.0");
        assertThat(Instant.parse(reg.get("expires").asText())).isAfter(Instant.now().plusSeconds(250));

        clock.setTo(Instant.now().plusSeconds(301)); // past the 300 s the phone asked for
        for (int i = 0; i < 40 && channel("ch203").get("registered").asBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(channel("ch203").get("registered").asBoolean()).isFalse();
        assertThat(phone.awaitCallOrNull()).isNull();
    }

    @Test
    void aDesktopClientShowsAsAFurtherContactWithItsDeviceType() throws Exception {
        TestPhone desk = phone("201");
        TestPhone desktop = phone("ch201", "pw-201-secret", "DESKTOP");

        JsonNode regs = channel("ch201").get("registrations");

        assertThat(regs).hasSize(2);
        java.util.Map<String, String> deviceByContact = new java.util.HashMap<>();
        regs.forEach(r -> deviceByContact.put(r.get("contact").asText(), r.get("device") == null || r.get("device").isNull() ? null : r.get("device").asText()));
        assertThat(deviceByContact).containsEntry(desk.contact(), null).containsEntry(desktop.contact(), "DESKTOP");
    }

    @Test
    void aUserLoggedInOnAHotDeskIsRungThere() throws Exception {
        TestPhone hotdesk = phone("hotdesk", "pw-hotdesk-secret", null).answering(Answering.RING);
        TestPhone caller = phone("202");

        ResponseEntity<String> login = admin().postForEntity("/api/tenants/" + tenantId + "/logins",
                Map.of("user", "204", "channel", "hotdesk"), String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(channel("hotdesk").get("loggedInUser").asText()).isEqualTo("204");

        TestPhone.Call call = caller.call("204");
        assertThat(hotdesk.awaitCall(5)).isNotNull();
        call.cancel();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(487);

        ResponseEntity<String> logout = admin().exchange("/api/tenants/" + tenantId + "/channels/hotdesk/login",
                HttpMethod.DELETE, null, String.class);
        assertThat(logout.getStatusCode().value()).isEqualTo(200);
        assertThat(caller.call("204").awaitFinal(5).getStatusCode()).as("204's own phone is not registered")
                .isEqualTo(480);
    }

    @Test
    void aSecondFixedDeviceWithoutTwinningIsOfferedAsAMove() throws Exception {
        String url = "/api/tenants/" + tenantId + "/logins";
        logins.logOutEverywhere(tenantId, "206");
        assertThat(admin().postForEntity(url, Map.of("user", "206", "channel", "hotdesk2"), String.class)
                .getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> offer = admin().postForEntity(url, Map.of("user", "206", "channel", "hotdesk"), String.class);
        // Already on hotdesk2, no twinning: logging in on hotdesk offers to move the login.
        assertThat(offer.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(offer.getBody()).get("ask").asText()).isEqualTo("ACCEPT_MOVE");

        ResponseEntity<String> moved = admin().postForEntity(url,
                Map.of("user", "206", "channel", "hotdesk", "accept", true), String.class);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(logins.channelsOf(tenantId, "206")).containsExactly("hotdesk");
        logins.logOutEverywhere(tenantId, "206");
    }

    @Test
    void aLinkedUserWithTwinningHotdesksOnOneMoreDeviceOnly() throws Exception {
        String url = "/api/tenants/" + tenantId + "/logins";
        logins.logOutEverywhere(tenantId, "204");
        // 204 is linked to ch204: with twinning a second fixed device is fine (USR-10) ...
        assertThat(admin().postForEntity(url, Map.of("user", "204", "channel", "hotdesk"), String.class)
                .getStatusCode().value()).isEqualTo(200);

        // ... a third offers the move, which leaves the linked channel where it is.
        ResponseEntity<String> offer = admin().postForEntity(url, Map.of("user", "204", "channel", "hotdesk2"), String.class);
        assertThat(offer.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> moved = admin().postForEntity(url,
                Map.of("user", "204", "channel", "hotdesk2", "accept", true), String.class);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(logins.channelsOf(tenantId, "204")).containsExactly("hotdesk2");
        logins.logOutEverywhere(tenantId, "204");
    }

    @Test
    void aLinkedUserWithoutTwinningMayNotLogInElsewhere() throws Exception {
        ResponseEntity<String> refused = admin().postForEntity("/api/tenants/" + tenantId + "/logins",
                Map.of("user", "203", "channel", "hotdesk", "accept", true), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(refused.getBody()).get("reason").asText()).contains("linked to [ch203]");
        assertThat(logins.channelsOf(tenantId, "203")).isEmpty();
    }

    @Test
    void aChannelLinkedToAnotherUserRefusesALogin() throws Exception {
        ResponseEntity<String> refused = admin().postForEntity("/api/tenants/" + tenantId + "/logins",
                Map.of("user", "203", "channel", "ch201"), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(refused.getBody()).get("reason").asText()).contains("linked");
    }

    @Test
    void aWrongPasswordIsCounted() throws Exception {
        long before = json.readTree(admin().getForObject("/api/sip/status", String.class))
                .get("authenticationFailures").asLong();
        try (TestPhone intruder = new TestPhone("ch201", DOMAIN, "guessed", server.port())) {
            assertThat(intruder.register(300, "SHA-256").getStatusCode()).isEqualTo(403);
        }
        long after = json.readTree(admin().getForObject("/api/sip/status", String.class))
                .get("authenticationFailures").asLong();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() throws Exception {
        try {
            store.importYaml(yaml().replace("pw-204-secret", "pw-204-changed"));
            try (TestPhone old = new TestPhone("ch204", DOMAIN, "pw-204-secret", server.port());
                 TestPhone changed = new TestPhone("ch204", DOMAIN, "pw-204-changed", server.port())) {
                assertThat(old.register(300, "SHA-256").getStatusCode()).isEqualTo(403);
                assertThat(changed.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
                assertThat(changed.register(0, "SHA-256").getStatusCode()).isEqualTo(200);
            }
        } finally {
            store.importYaml(yaml());
        }
    }

    @Test
    void optionsIsAnsweredAsAKeepAlive() throws Exception {
        try (TestPhone phone = new TestPhone("ch201", DOMAIN, "pw-201-secret", server.port())) {
            javax.sip.message.Request options = phone.registerRequest(300, null);
            javax.sip.message.Request o = (javax.sip.message.Request) options.clone();
            o.setMethod(javax.sip.message.Request.OPTIONS);
            ((javax.sip.header.CSeqHeader) o.getHeader(javax.sip.header.CSeqHeader.NAME)).setMethod("OPTIONS");
            Response r = phone.send(o);
            assertThat(r.getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPhoneThatRegistersIsToldAboutWaitingVoicemail() throws Exception {
        long before = mwiMessagesFor("201");
        phone("201");
        for (int i = 0; i < 50 && mwiMessagesFor("201") == before; i++) {
            Thread.sleep(100);
        }
        assertThat(mwiMessagesFor("201")).isEqualTo(before + 1);
    }

    long mwiMessagesFor(String box) {
        return outbox.findAll().stream().filter(m -> m.getChannel() == OutboxChannel.MWI
                && m.getTenantId() == tenantId && box.equals(m.getBox())).count();
    }
}
