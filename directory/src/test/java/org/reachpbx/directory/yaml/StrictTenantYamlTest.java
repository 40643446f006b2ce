package org.reachpbx.directory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;

/**
 * What YAML allows but a tenant document refuses (issue 15, item 14), each with the line: an alias
 * used to come in as the anchor's name, a second document was ignored, bytes that are not UTF-8
 * became U+FFFD and 29.9 for a whole number became 29.
 */
class StrictTenantYamlTest {

    private static final String MINIMAL = """
            name: Strikt BV
            sipDomain: strikt.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0301110000"
            numbers:
              - number: "0301110000"
            users:
              - number: "201"
                name: &naam Piet Jansen
            """;

    private final TenantYaml yaml = new TenantYaml();

    @Test
    void theMinimalDocumentStillReads() {
        Tenant tenant = yaml.read(MINIMAL.getBytes(StandardCharsets.UTF_8));
        assertThat(tenant.getName()).isEqualTo("Strikt BV");
        assertThat(tenant.getUsers().get(0).getName()).isEqualTo("Piet Jansen");
    }

    @Test
    void anAliasIsRefusedWithItsLine() {
        Violation v = refused(MINIMAL + """
                  - number: "202"
                    name: *naam
                """);
        assertThat(v.message()).contains("alias").contains("*naam").contains("(line 11)");
        assertThat(v.path()).startsWith("users[1]");
    }

    @Test
    void anAliasForAWholeMappingIsRefusedToo() {
        Violation v = refused("""
                name: Strikt BV
                facilities: &f
                  twinning: true
                sipDomain: *f
                """);
        assertThat(v.message()).contains("alias").contains("(line 4)");
    }

    @Test
    void aSecondDocumentIsRefusedWithItsLine() {
        Violation v = refused(MINIMAL + "---\nname: Tweede BV\n");
        assertThat(v.message()).contains("second document").contains("(line 11)");
    }

    @Test
    void anEmptySecondDocumentIsRefusedToo() {
        assertThat(refused(MINIMAL + "---\n~\n").message()).contains("second document");
    }

    @Test
    void aDocumentStartMarkerAloneIsFine() {
        assertThat(yaml.read("---\n" + MINIMAL).getName()).isEqualTo("Strikt BV");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.writeBytes(MINIMAL.replace("Piet Jansen", "Piet").getBytes(StandardCharsets.UTF_8));
        doc.writeBytes("  - number: \"202\"\n    name: Zo".getBytes(StandardCharsets.UTF_8));
        doc.write(0xEB); // ë in ISO-8859-1, not UTF-8
        doc.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        MalformedDocumentException e = catchThrowableOfType(MalformedDocumentException.class,
                () -> yaml.read(doc.toByteArray()));
        assertThat(e.getViolations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("not UTF-8").contains("0xEB").contains("(line 11)"));
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = MINIMAL.getBytes(StandardCharsets.UTF_8);
        byte[] doc = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, doc, 0, 3);
        System.arraycopy(body, 0, doc, 3, body.length);
        assertThat(yaml.read(doc).getName()).isEqualTo("Strikt BV");
    }

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsRefused() {
        Violation v = refused(MINIMAL.replace("extensionLength: 3", "extensionLength: 3\nexternalCallLimit: 29.9"));
        assertThat(v.path()).isEqualTo("externalCallLimit");
        assertThat(v.message()).contains("29.9").contains("(line 4)");
    }

    @Test
    void aFractionForAnIntegerObjectIsRefusedToo() {
        Violation v = refused(MINIMAL.replace("extensionLength: 3", "extensionLength: 3.0"));
        assertThat(v.path()).isEqualTo("extensionLength");
        assertThat(v.message()).contains("(line 3)");
    }

    @Test
    void aKeyTwiceIsRefused() {
        Violation v = refused(MINIMAL + "name: Nog eens\n");
        assertThat(v.message()).contains("name").contains("(line 10)");
    }

    private Violation refused(String document) {
        MalformedDocumentException e = catchThrowableOfType(MalformedDocumentException.class,
                () -> yaml.read(document));
        assertThat(e).as("refused: %s", document).isNotNull();
        assertThat(e.getViolations()).hasSize(1);
        return e.getViolations().get(0);
    }
}
