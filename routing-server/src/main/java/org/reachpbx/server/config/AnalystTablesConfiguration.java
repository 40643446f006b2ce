package org.reachpbx.server.config;

import java.util.function.Supplier;
import org.reachpbx.directory.tables.JpaTableVersionStore;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.tables.TableRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The analyst tables (docs/analyst-tables.md): a {@link TableRegistry} on the configuration
 * database. At start it loads the stored versions and activates the published one, or stores the
 * shipped defaults as version 1 when there is none. Every change is written to the database before
 * calls see it.
 */
@Configuration
public class AnalystTablesConfiguration {

    @Bean
    public TableRegistry tableRegistry(JpaTableVersionStore store) {
        return new TableRegistry(store);
    }

    /** What the routing engine asks for each new call: the published tables, lock-free. */
    @Bean
    public Supplier<AnalystTables> analystTables(TableRegistry registry) {
        return registry::current;
    }
}
