package org.reachpbx.integrations;

import java.time.Clock;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Boots the integrations with the configuration store, for the module's tests. */
@SpringBootApplication(scanBasePackages = {"org.reachpbx.directory", "org.reachpbx.integrations"})
@EntityScan("org.reachpbx.directory")
@EnableJpaRepositories("org.reachpbx.directory")
public class IntegrationsTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The registrar of the tests: the in-JVM phones registered by the test itself. */
    @Bean
    TestRegistrations registrations() {
        return new TestRegistrations();
    }

    /** What issue 4's registrar will provide, kept in memory. */
    public static class TestRegistrations implements RegistrationDirectory {
        private final java.util.Map<String, java.util.List<String>> contacts = new java.util.concurrent.ConcurrentHashMap<>();

        public void register(long tenantId, String user, String contact) {
            contacts.computeIfAbsent(tenantId + "/" + user, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(contact);
        }

        public void clear() {
            contacts.clear();
        }

        @Override
        public java.util.List<String> contactsOf(long tenantId, String userExtension) {
            return contacts.getOrDefault(tenantId + "/" + userExtension, java.util.List.of());
        }
    }
}
