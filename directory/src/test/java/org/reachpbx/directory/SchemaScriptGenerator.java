package org.reachpbx.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Developer tool, not a test of behaviour: writes the DDL Hibernate derives from the entities to
 * target/schema-h2.sql, as a starting point for a new Flyway migration. Run with
 * {@code -Dgenerate.schema=true -Dtest=SchemaScriptGenerator}. Migrations stay the source of truth.
 */
@EnabledIfSystemProperty(named = "generate.schema", matches = "true")
@SpringBootTest(properties = {
        "spring.flyway.enabled=false",
        "spring.jpa.hibernate.ddl-auto=none",
        "spring.jpa.properties.jakarta.persistence.schema-generation.scripts.action=create",
        "spring.jpa.properties.jakarta.persistence.schema-generation.scripts.create-target=target/schema-${generate.dialect:h2}.sql",
        "spring.jpa.properties.hibernate.hbm2ddl.delimiter=;"
})
class SchemaScriptGenerator {
    @Test
    void writesScript() {
        org.assertj.core.api.Assertions.assertThat(Files.exists(Path.of("target"))).isTrue();
    }
}
