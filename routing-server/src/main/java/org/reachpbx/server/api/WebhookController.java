package org.reachpbx.server.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.integrations.crm.WebhookEndpoints;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's CRM webhook endpoints (CRM-02): URL, secret (write-only) and event filter. See
 * docs/integrations.md for the events, their JSON and the signature.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/webhooks")
public class WebhookController {

    private final WebhookEndpoints endpoints;

    public WebhookController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The request body; {@code events} empty or absent means every event type. */
    public record WebhookRequest(String url, String secret, List<String> events, Boolean enabled, String description) {
    }

    /** An endpoint as shown: never with its secret. */
    public record WebhookView(long id, String url, Set<String> events, boolean enabled, String description,
                              boolean secretSet, Instant createdAt) {
        static WebhookView of(WebhookEndpoint e) {
            return new WebhookView(e.getId(), e.getUrl(), e.eventSet(), e.isEnabled(), e.getDescription(),
                    e.getSecret() != null, e.getCreatedAt());
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<WebhookView> list(@PathVariable long tenantId) {
        return endpoints.list(tenantId).stream().map(WebhookView::of).toList();
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public WebhookView get(@PathVariable long tenantId, @PathVariable long id) {
        return WebhookView.of(endpoints.get(tenantId, id));
    }

    @Audited("Webhooks: create")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WebhookView> create(@PathVariable long tenantId, @RequestBody WebhookRequest r) {
        WebhookEndpoint e = endpoints.create(tenantId, settings(r));
        audit(e, r);
        return ResponseEntity.created(URI.create("/api/tenants/" + tenantId + "/webhooks/" + e.getId()))
                .body(WebhookView.of(e));
    }

    /** Replaces the settings; an absent secret keeps the stored one. */
    @Audited("Webhooks: update")
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public WebhookView update(@PathVariable long tenantId, @PathVariable long id, @RequestBody WebhookRequest r) {
        WebhookEndpoint e = endpoints.update(tenantId, id, settings(r));
        audit(e, r);
        return WebhookView.of(e);
    }

    @Audited("Webhooks: delete")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long tenantId, @PathVariable long id) {
        endpoints.delete(tenantId, id);
        return ResponseEntity.noContent().build();
    }

    /** The endpoint's settings for the audit trail; of the secret only whether it was sent. */
    private static void audit(WebhookEndpoint e, WebhookRequest r) {
        ApiAudit.note("endpoint " + e.getId() + ": url " + ApiAudit.safeUrl(e.getUrl()) + ", events "
                + (e.eventSet().isEmpty() ? "all" : String.join(" ", e.eventSet())) + ", enabled " + e.isEnabled()
                + ", secret " + (r.secret() == null ? "kept" : "changed"));
    }

    private static WebhookEndpoints.Settings settings(WebhookRequest r) {
        return new WebhookEndpoints.Settings(r.url(), r.secret(), r.events(), r.enabled(), r.description());
    }
}
