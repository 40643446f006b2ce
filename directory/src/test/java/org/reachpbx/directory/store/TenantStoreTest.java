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
        assertThat(export).contains("number: \"+31201110000\"").contains("from: \"18:00\"").contains("number: \"201\"");
        String again = store.exportYaml(store.importYaml(export).id()).orElseThrow();
        assertThat(again).isEqualTo(export);
    }

    @Test
    void aSipDomainBelongsToOneTenantOnly() throws IOException {
        store.importYaml(resource("tenants/minimal.yaml"));
        long before = tenants.count();
        String other = resource("tenants/minimal.yaml").replace("name: Minimal BV", "name: Other BV");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(other))
                .isInstanceOf(org.reachpbx.directory.validation.InvalidConfigurationException.class)
                .hasMessageContaining("sipDomain: minimal.reachpbx.test is already the SIP domain of tenant 'Minimal BV'");
        assertThat(tenants.count()).isEqualTo(before);
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        String twice = resource("tenants/minimal.yaml").replace("extensionLength: 3", "extensionLength: 3\nextensionLength: 4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(twice))
                .isInstanceOf(org.reachpbx.directory.validation.MalformedDocumentException.class)
                .hasMessageContaining("extensionLength");
    }

    @Test
    void documentsLargerThanSnakeYamlsDefaultLimitAreRead() {
        org.reachpbx.directory.yaml.TenantYaml yaml = new org.reachpbx.directory.yaml.TenantYaml();
        String big = yaml.write(org.reachpbx.directory.testdata.LargeTenantGenerator.generate("Big BV", 1400, 200));
        assertThat(big.length()).isGreaterThan(3 * 1024 * 1024);
        assertThat(yaml.read(big).getUsers()).hasSize(1400);
    }

    @Test
    void aNullValueMeansNotSetAndKeepsTheDefault() throws IOException {
        String document = resource("tenants/minimal.yaml").replace("extensionLength: 3",
                "extensionLength: 3\ntimeZone: null\nfacilities: null\ncallBarring: null\nipAllowlist:");
        String export = store.exportYaml(store.importYaml(document).id()).orElseThrow();
        assertThat(export).contains("timeZone: Europe/Amsterdam").contains("facilities:").contains("ipListing: true");
    }

    @Test
    void internalFieldsAreNotPartOfTheFormat() throws IOException {
        String document = resource("tenants/minimal.yaml").replace("extensionLength: 3", "extensionLength: 3\nid: 7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(document))
                .isInstanceOf(org.reachpbx.directory.validation.MalformedDocumentException.class)
                .hasMessageContaining("unknown field 'id'");
    }

    @Test
    void aPhoneNumberBelongsToOneTenantOnly() throws IOException {
        store.importYaml(resource("tenants/minimal.yaml"));
        long before = tenants.count();
        String other = resource("tenants/minimal.yaml").replace("name: Minimal BV", "name: Second BV")
                .replace("sipDomain: minimal.reachpbx.test", "sipDomain: second.reachpbx.test");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(other))
                .isInstanceOf(org.reachpbx.directory.validation.InvalidConfigurationException.class)
                .hasMessageContaining("numbers[0].number: +31301110000 already belongs to tenant 'Minimal BV'");
        assertThat(tenants.count()).isEqualTo(before);
    }

    @Test
    void exportedTimesAndDatesAreQuotedForEveryYamlReader() throws IOException {
        String export = store.exportYaml(store.importYaml(resource("tenants/minimal.yaml")).id()).orElseThrow();
        assertThat(export).contains("from: \"00:00\"").contains("to: \"24:00\"");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"groups, groups[0]", "privacyGroups, privacyGroups[0]", "channels, channels[0]"})
    void anEmptyListElementIsRefusedWithItsPath(String list, String path) throws IOException {
        long before = tenants.count();
        String document = resource("tenants/minimal.yaml") + list + ":\n  - ~\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(document))
                .isInstanceOfSatisfying(org.reachpbx.directory.validation.MalformedDocumentException.class,
                        e -> assertThat(e.getViolations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo(path);
                            assertThat(v.message()).contains("null");
                        }));
        assertThat(tenants.count()).isEqualTo(before);
    }

    /**
     * Media anchoring (issue 11): a tenant setting and a channel override, null inheriting; kept
     * through import and export, carried in the rules' view, and a wrong value refused naming the
     * allowed ones.
     */
    @Test
    void anchorMediaPerTenantAndChannelIsStoredExportedAndInTheView() throws IOException {
        String document = resource("tenants/minimal.yaml")
                .replace("extensionLength: 3", "extensionLength: 3\nanchorMedia: ALWAYS")
                .replace("users:", """
                        channels:
                          - name: desk-201
                            password: desk-secret-1
                            anchorMedia: WHEN_NEEDED
                          - name: desk-202
                            password: desk-secret-2
                        users:""");
        long id = store.importYaml(document).id();
        String export = store.exportYaml(id).orElseThrow();
        assertThat(export).contains("anchorMedia: ALWAYS").contains("anchorMedia: WHEN_NEEDED");
        assertThat(export.split("anchorMedia:", -1)).as("desk-202 inherits: no value exported").hasSize(3);
        assertThat(store.exportYaml(store.importYaml(export).id()).orElseThrow()).isEqualTo(export);

        org.reachpbx.rules.view.TenantView view = org.reachpbx.directory.view.TenantViewBuilder.build(
                new org.reachpbx.directory.yaml.TenantYaml().read(export));
        assertThat(view.anchorMedia()).isEqualTo(org.reachpbx.rules.vocabulary.AnchorMedia.ALWAYS);
        assertThat(view.anchorMediaOf("desk-201")).isEqualTo(org.reachpbx.rules.vocabulary.AnchorMedia.WHEN_NEEDED);
        assertThat(view.anchorMediaOf("desk-202")).isEqualTo(org.reachpbx.rules.vocabulary.AnchorMedia.ALWAYS);
        assertThat(view.anchorMediaOf(null)).isEqualTo(org.reachpbx.rules.vocabulary.AnchorMedia.ALWAYS);

        String wrong = document.replace("anchorMedia: ALWAYS", "anchorMedia: SOMETIMES");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importYaml(wrong))
                .isInstanceOf(org.reachpbx.directory.validation.MalformedDocumentException.class)
                .hasMessageContaining("anchorMedia").hasMessageContaining("'SOMETIMES' is not one of [ALWAYS, WHEN_NEEDED]");
    }
}
