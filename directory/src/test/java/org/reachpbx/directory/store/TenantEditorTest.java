package org.reachpbx.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Editing a stored tenant through a detached draft: a valid change lands, an invalid one changes nothing. */
@SpringBootTest
class TenantEditorTest {

    @Autowired
    TenantStore store;
    @Autowired
    TenantEditor editor;

    @Test
    void aValidChangeIsStoredAndKeepsTheTenantId() throws IOException {
        long id = store.importYaml(TenantStoreTest.resource("tenants/minimal.yaml")
                .replace("Minimal BV", "Editor BV").replace("minimal.reachpbx.test", "editor.reachpbx.test")
                .replace("0301110000", "0301119000")).id();
        Tenant draft = editor.draft(id).orElseThrow();
        draft.setExternalCallLimit(4);

        TenantStore.Saved saved = editor.save(draft);

        assertThat(saved.id()).isEqualTo(id);
        assertThat(saved.replaced()).isTrue();
        assertThat(store.exportYaml(id).orElseThrow()).contains("externalCallLimit: 4").contains("pinHash: \"{bcrypt}");
    }

    @Test
    void anInvalidChangeIsRefusedWithItsPathAndNothingIsStored() throws IOException {
        long id = store.importYaml(TenantStoreTest.resource("tenants/minimal.yaml")
                .replace("Minimal BV", "Editor2 BV").replace("minimal.reachpbx.test", "editor2.reachpbx.test")
                .replace("0301110000", "0301118000")).id();
        String before = store.exportYaml(id).orElseThrow();
        Tenant draft = editor.draft(id).orElseThrow();
        draft.setExtensionLength(9);

        assertThatThrownBy(() -> editor.save(draft)).isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).getViolations())
                        .anySatisfy(v -> assertThat(v.path()).isEqualTo("extensionLength")));
        assertThat(store.exportYaml(id).orElseThrow()).isEqualTo(before);
    }
}
