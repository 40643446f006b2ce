package org.reachpbx.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

@SpringBootTest
class TenantStoreTest {

    @Autowired
    TenantStore store;
    @Autowired
    TenantRepository tenants;

    static String resource(String name) throws IOException {
        return new ClassPathResource(name).getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAndExportsAMinimalTenant() throws IOException {
        TenantStore.Saved saved = store.importYaml(resource("tenants/minimal.yaml"));
        String export = store.exportYaml(saved.id()).orElseThrow();
        assertThat(export).contains("name: Minimal BV").contains("+31301110000").contains("pinHash: \"{bcrypt}");
        assertThat(export).doesNotContain("4827");
    }

    @Test
    void readsUnquotedNumbersAndTimesAsText() throws IOException {
        TenantStore.Saved saved = store.importYaml(resource("tenants/unquoted.yaml"));
        String export = store.exportYaml(saved.id()).orElseThrow();
        System.out.println(export);
        assertThat(export).contains("number: \"+31201110000\"").contains("from: 18:00").contains("number: \"201\"");
        String again = store.exportYaml(store.importYaml(export).id()).orElseThrow();
        assertThat(again).isEqualTo(export);
    }
}
