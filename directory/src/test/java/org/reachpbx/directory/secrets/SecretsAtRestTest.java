package org.reachpbx.directory.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.ContactPullSource;
import org.reachpbx.directory.integrations.ContactPullSourceRepository;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.directory.integrations.WebhookEndpointRepository;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, item 16: webhook secrets and contact-pull Authorization values are encrypted at rest with
 * {@code pbx.security.secret-key}; rows stored in plaintext before stay readable and are encrypted at
 * start-up or on their next save.
 */
@SpringBootTest
class SecretsAtRestTest {

    private static final String WEBHOOK_SECRET = "whsec-0123456789abcdef-ZOË";
    private static final String AUTHORIZATION = "Bearer eyJhbGciOiJIUzI1NiJ9.crm-token";

    @Autowired
    WebhookEndpointRepository webhooks;
    @Autowired
    ContactPullSourceRepository pulls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretsAtRest secretsAtRest;
    @Autowired
    TenantStore store;

    private long tenant;

    /** A tenant of this test only (the database is shared with other test classes): own name and numbers. */
    @BeforeEach
    void aTenant() throws Exception {
        String yaml = new ClassPathResource("tenants/minimal.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replace("Minimal BV", "Geheimen BV").replace("minimal.reachpbx.test", "geheimen.reachpbx.test")
                .replace("0301110000", "0309990000");
        tenant = store.importYaml(yaml).id();
    }

    @AfterEach
    void removeIt() {
        store.delete(tenant);
    }

    @Test
    void aWebhookSecretIsStoredEncryptedAndReadBackPlain() {
        WebhookEndpoint saved = webhooks.save(webhook(WEBHOOK_SECRET));
        String stored = jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, saved.getId());
        assertThat(stored).startsWith("enc:v1:").doesNotContain("whsec").doesNotContain("0123456789");
        assertThat(webhooks.findById(saved.getId()).orElseThrow().getSecret()).isEqualTo(WEBHOOK_SECRET);
    }

    @Test
    void aPullAuthorizationIsStoredEncryptedAndReadBackPlain() {
        ContactPullSource source = new ContactPullSource();
        source.setTenantId(tenant);
        source.setUrl("https://crm.example/contacts");
        source.setAuthorization(AUTHORIZATION);
        source.setIntervalSeconds(3600);
        long id = pulls.save(source).getId();
        String stored = jdbc.queryForObject("select authorization_header from contact_pull_source where id = ?",
                String.class, id);
        assertThat(stored).startsWith("enc:v1:").doesNotContain("Bearer").doesNotContain("crm-token");
        assertThat(pulls.findById(id).orElseThrow().getAuthorization()).isEqualTo(AUTHORIZATION);
    }

    @Test
    void aPlaintextRowFromBeforeStaysReadableAndIsEncryptedAtStartUp() {
        long id = webhooks.save(webhook("placeholder-secret-1234")).getId();
        jdbc.update("update webhook_endpoint set secret = ? where id = ?", "legacy-plain-secret-42", id);
        assertThat(webhooks.findById(id).orElseThrow().getSecret()).isEqualTo("legacy-plain-secret-42");

        assertThat(secretsAtRest.encryptPlaintextRows()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id))
                .startsWith("enc:v1:").doesNotContain("legacy");
        assertThat(webhooks.findById(id).orElseThrow().getSecret()).isEqualTo("legacy-plain-secret-42");
        assertThat(secretsAtRest.encryptPlaintextRows()).as("idempotent").isZero();
    }

    @Test
    void twoEncryptionsOfOneSecretDiffer() {
        SecretCipher cipher = new SecretCipher("ZRkOfYJlM8tPvuhh1veli3Lc2UilgC0tP3BZNWQBOl0=");
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
        assertThat(cipher.decrypt(cipher.encrypt("same"))).isEqualTo("same");
    }

    @Test
    void anotherKeyCannotReadIt() {
        String stored = new SecretCipher("ZRkOfYJlM8tPvuhh1veli3Lc2UilgC0tP3BZNWQBOl0=").encrypt("s");
        assertThatThrownBy(() -> new SecretCipher("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").decrypt(stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pbx.security.secret-key");
    }

    @Test
    void aMissingOrBadKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new SecretCipher("")).hasMessageContaining("pbx.security.secret-key is not set")
                .hasMessageContaining("PBX_SECRET_KEY");
        assertThatThrownBy(() -> new SecretCipher("not base64!")).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=")).hasMessageContaining("16, 24 or 32 bytes");
    }

    private WebhookEndpoint webhook(String secret) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.setTenantId(tenant);
        e.setUrl("https://crm.example/hook");
        e.setSecret(secret);
        e.setCreatedAt(Instant.now());
        return e;
    }
}
