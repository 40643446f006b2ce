package org.reachpbx.directory.config;

import java.util.Map;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate settings the configuration store relies on, wherever the directory module is used, so
 * they live with the entities rather than in each application's properties.
 */
@Configuration
public class DirectoryJpaSettings implements HibernatePropertiesCustomizer {

    @Override
    public void customize(Map<String, Object> properties) {
        // A tenant import writes tens of thousands of rows: batch them.
        properties.putIfAbsent("hibernate.jdbc.batch_size", "100");
        properties.putIfAbsent("hibernate.order_inserts", "true");
        properties.putIfAbsent("hibernate.order_updates", "true");
        // Loading a tenant's tree for export or for the rules view: fetch collections in batches.
        properties.putIfAbsent("hibernate.default_batch_fetch_size", "100");
    }
}
