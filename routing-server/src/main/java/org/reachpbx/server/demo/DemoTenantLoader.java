package org.reachpbx.server.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.yaml.TenantYaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the demo tenant on first start, so a newcomer has something to call and look at. The
 * file from the repository ({@code testdata/tenants/demo.yaml}) is used when the server runs from
 * the repository root; otherwise the copy packaged in the jar. An existing tenant of the same name
 * is left alone: the demo never overwrites what an admin changed. The demo's admin UI logins
 * ({@link DemoUsers}) are created when missing.
 */
@Component
@ConditionalOnProperty(name = "pbx.demo.enabled", havingValue = "true")
public class DemoTenantLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTenantLoader.class);
    static final String PACKAGED = "demo/demo.yaml";

    private final TenantStore store;
    private final TenantYaml yaml;
    private final DemoUsers users;
    private final Path file;

    public DemoTenantLoader(TenantStore store, TenantYaml yaml, DemoUsers users, @Value("${pbx.demo.file}") String file) {
        this.store = store;
        this.yaml = yaml;
        this.users = users;
        this.file = Path.of(file);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String document = Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : new ClassPathResource(PACKAGED).getContentAsString(StandardCharsets.UTF_8);
        String name = yaml.read(document).getName();
        if (store.exportYaml(name).isPresent()) {
            log.info("Demo tenant '{}' is already there; left unchanged", name);
        } else {
            TenantStore.Saved saved = store.importYaml(document);
            log.info("Imported demo tenant '{}' (id {})", saved.name(), saved.id());
        }
        store.list().stream().filter(t -> t.name().equals(name)).findFirst()
                .ifPresent(t -> users.ensure(t.id()));
    }
}
