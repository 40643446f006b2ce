package org.reachpbx.server.api;

import java.net.URI;
import java.util.List;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant configuration in and out as YAML (docs/tenant-yaml.md). An import creates the tenant named
 * in the document or replaces all of its configuration, in one transaction; an invalid document
 * is refused with the path and reason of every problem and changes nothing.
 */
@RestController
@RequestMapping("/api/tenants")
public class TenantController {

    static final String YAML = "application/yaml";

    private final TenantStore store;

    public TenantController(TenantStore store) {
        this.store = store;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TenantStore.TenantSummary> list() {
        return store.list();
    }

    @Audited("Tenants: import")
    // Only YAML media types: text/plain is one of the types a web page may send cross-site without a
    // preflight, so accepting it would let a hostile page post a tenant (docs/security.md).
    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TenantStore.Saved> importTenant(@RequestBody byte[] document) {
        TenantStore.Saved saved = store.importYaml(document);
        ApiAudit.note(saved.id(), (saved.replaced() ? "replaced " : "created ") + saved.name());
        if (saved.replaced()) {
            return ResponseEntity.ok(saved);
        }
        return ResponseEntity.created(URI.create("/api/tenants/" + saved.id())).body(saved);
    }

    @GetMapping(value = "/{id}/export", produces = YAML)
    public ResponseEntity<String> export(@PathVariable long id) {
        return store.exportYaml(id)
                .map(yaml -> ResponseEntity.ok().contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8")).body(yaml))
                .orElseThrow(() -> new NotFoundException("no tenant " + id));
    }

    @Audited("Tenants: delete")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        store.list().stream().filter(t -> t.id() == id).findFirst()
                .ifPresent(t -> ApiAudit.note("deleted " + t.name()));
        if (!store.delete(id)) {
            throw new NotFoundException("no tenant " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
