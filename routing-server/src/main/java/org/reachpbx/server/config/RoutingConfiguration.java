package org.reachpbx.server.config;

import java.time.Clock;
import java.util.function.Supplier;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.tables.AnalystTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routing brain as a bean: the rules over the tenant views, with the published analyst tables. */
@Configuration
public class RoutingConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public RoutingEngine routingEngine(Supplier<AnalystTables> analystTables) {
        return new RoutingEngine(analystTables);
    }
}
