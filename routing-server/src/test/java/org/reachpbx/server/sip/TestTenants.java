package org.reachpbx.server.sip;

import java.nio.charset.StandardCharsets;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.springframework.core.io.ClassPathResource;

/**
 * The test tenants of the SIP tests: imported once, and routable in every test context. The
 * contexts share one in-memory database, so a tenant another context imported exists but is not in
 * this context's view cache (its import event went to the other context): it is read here.
 */
public final class TestTenants {

    private TestTenants() {
    }

    /** The id of tenant {@code name}, imported from the YAML {@code resource} when missing. */
    public static long ensure(TenantStore store, TenantViewCache views, String name, String resource) throws Exception {
        String yaml = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        long id = store.list().stream().filter(t -> t.name().equals(name)).findFirst()
                .map(TenantStore.TenantSummary::id)
                .orElseGet(() -> store.importYaml(yaml).id());
        if (views.byId(id).isEmpty()) {
            views.refresh(id);
        }
        for (int i = 0; i < 100 && views.byId(id).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return id;
    }
}
