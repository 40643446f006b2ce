package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.access.AuditEntry;
import org.reachpbx.directory.access.AuditEntryRepository;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.server.api.Audited;
import org.reachpbx.server.api.NotAudited;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.config.ConfigSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The audit trail records every change: made over REST (who, tenant, action, request line and a
 * note, never a secret) and made by a UI configuration save (the changed fields old → new).
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditEntryRepository entries;
    @Autowired
    TenantStore store;
    @Autowired
    TenantEditor editor;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();
    private long demo;
    private String original;

    @BeforeEach
    void rememberTheDemoTenant() {
        demo = store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        original = store.exportYaml(demo).orElseThrow();
    }

    @AfterEach
    void restoreTheDemoTenant() {
        if (!store.exportYaml(demo).orElseThrow().equals(original)) {
            store.importYaml(original);
        }
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo-admin");
    }

    private AuditEntry newest() {
        return audit.latest(1).get(0);
    }

    private ResponseEntity<String> send(HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(body instanceof String ? MediaType.parseMediaType("application/yaml")
                : MediaType.APPLICATION_JSON);
        return admin().exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void everyEndpointThatCanChangeSomethingIsAuditedOrSaysWhyNot() {
        Set<RequestMethod> changing = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
                RequestMethod.DELETE);
        int audited = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            HandlerMethod h = m.getValue();
            if (!h.getBeanType().getPackageName().startsWith("org.reachpbx")
                    || !(methods.isEmpty() || methods.stream().anyMatch(changing::contains))) {
                continue;
            }
            assertThat(h.hasMethodAnnotation(Audited.class) || h.hasMethodAnnotation(NotAudited.class))
                    .as("%s is @Audited or @NotAudited", h).isTrue();
            audited += h.hasMethodAnnotation(Audited.class) ? 1 : 0;
        }
        assertThat(audited).isGreaterThanOrEqualTo(20);
    }

    @Test
    void webhookChangesAreRecordedWithTheirSettingsButNeverTheSecret() throws Exception {
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/tenants/" + demo + "/webhooks", Map.of(
                "url", "https://crm:hunter2@crm.example.test/hooks/pbx?token=tok-4711",
                "secret", "s3cr3t-webhook-value", "events", List.of("ANSWERED")));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();
        AuditEntry create = newest();
        assertThat(create.getUsername()).isEqualTo("admin");
        assertThat(create.getTenantId()).isEqualTo(demo);
        assertThat(create.getAction()).isEqualTo("Webhooks: create");
        assertThat(create.getAt()).isNotNull();
        assertThat(create.getDetail()).contains("endpoint " + id, "url https://crm.example.test/hooks/pbx",
                "events ANSWERED", "secret changed", "(POST /api/tenants/" + demo + "/webhooks)");

        send(HttpMethod.PUT, "/api/tenants/" + demo + "/webhooks/" + id,
                Map.of("url", "https://crm.example.test/hooks/v2", "enabled", false));
        AuditEntry update = newest();
        assertThat(update.getAction()).isEqualTo("Webhooks: update");
        assertThat(update.getDetail()).contains("url https://crm.example.test/hooks/v2", "enabled false", "secret kept");

        assertThat(admin().exchange("/api/tenants/" + demo + "/webhooks/" + id, HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(newest().getAction()).isEqualTo("Webhooks: delete");
        assertThat(newest().getDetail()).isEqualTo("DELETE /api/tenants/" + demo + "/webhooks/" + id);

        assertThat(entries.findAll()).allSatisfy(e -> assertThat(String.valueOf(e.getDetail()))
                .doesNotContain("s3cr3t-webhook-value", "hunter2", "tok-4711"));
    }

    @Test
    void aTenantImportAndDeleteAreRecordedAndReadsAndRefusalsAreNot() throws Exception {
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/tenants", """
                name: Audit BV
                sipDomain: audit.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0501119000"
                numbers:
                  - number: "0501119000"
                users:
                  - number: "201"
                    name: Eerste
                    pin: "4826"
                numberPlanSchemas:
                  - number: 1
                    name: Audit BV
                """);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();
        AuditEntry imported = newest();
        assertThat(imported.getAction()).isEqualTo("Tenants: import");
        assertThat(imported.getTenantId()).isEqualTo(id);
        assertThat(imported.getUsername()).isEqualTo("admin");
        assertThat(imported.getDetail()).isEqualTo("created Audit BV (POST /api/tenants)").doesNotContain("4826");

        long count = entries.count();
        admin().getForEntity("/api/tenants/" + id + "/export", String.class);
        assertThat(admin().exchange("/api/tenants/999999", HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        send(HttpMethod.POST, "/api/tenants/" + id + "/simulate", Map.of("from", "201", "to", "202"));
        assertThat(entries.count()).as("a read, a refused delete and a simulation change nothing").isEqualTo(count);

        admin().exchange("/api/tenants/" + id, HttpMethod.DELETE, null, String.class);
        AuditEntry deleted = newest();
        assertThat(deleted.getAction()).isEqualTo("Tenants: delete");
        assertThat(deleted.getTenantId()).isEqualTo(id);
        assertThat(deleted.getDetail()).isEqualTo("deleted Audit BV (DELETE /api/tenants/" + id + ")");
    }

    @Test
    void aUiConfigurationSaveRecordsTheChangedFieldsOldToNewAndMasksThePin() {
        AuthenticationContext login = mock(AuthenticationContext.class);
        PbxUser tenantAdmin = new PbxUser("tenantadmin", "{noop}x", true, UiRole.TENANT_ADMIN, demo);
        when(login.getAuthenticatedUser(PbxUser.class)).thenReturn(Optional.of(tenantAdmin));
        ConfigSupport support = new ConfigSupport(store, editor, new CurrentUser(login, audit));

        String oldHash = store.exportYaml(demo).orElseThrow().lines().filter(l -> l.contains("pinHash"))
                .findFirst().orElseThrow().trim();
        // as the extensions editor saves an edited user: the item replaced in a draft of the tenant
        assertThat(support.save(demo, t -> {
            UserExtension u = t.getUsers().stream().filter(x -> x.getNumber().equals("201")).findFirst().orElseThrow();
            u.setName("Dhr. Jansen-de Vries");
            u.setCallParking(false);
            u.setPin("4826");
        }, "Extensions: update", "user 201")).isEmpty();

        AuditEntry saved = newest();
        assertThat(saved.getUsername()).isEqualTo("tenantadmin");
        assertThat(saved.getTenantId()).isEqualTo(demo);
        assertThat(saved.getAction()).isEqualTo("Extensions: update");
        assertThat(saved.getDetail()).startsWith("user 201; ")
                .contains("users[201].name: Dhr. Jansen → Dhr. Jansen-de Vries",
                        "users[201].callParking: true → false", "users[201].pin: (set)")
                .doesNotContain("4826", "$2a$", oldHash.substring(oldHash.indexOf(':') + 1).replace("\"", "").trim())
                .doesNotContain("users[202]");
    }
}
