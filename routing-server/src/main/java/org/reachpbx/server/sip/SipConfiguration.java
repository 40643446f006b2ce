package org.reachpbx.server.sip;

import java.time.Clock;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.engine.RoutingEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The SIP server (docs/sip.md): off with {@code pbx.sip.enabled=false}. */
@Configuration
@EnableConfigurationProperties(SipProperties.class)
@ConditionalOnProperty(name = "pbx.sip.enabled", havingValue = "true", matchIfMissing = true)
public class SipConfiguration {

    @Bean
    public RegistrationStore registrationStore(Clock clock, TenantViewCache views) {
        return new RegistrationStore(clock, views);
    }

    @Bean
    public DigestAuth digestAuth(Clock clock, SipProperties properties) {
        return new DigestAuth(clock, properties.getNonceLifetime());
    }

    @Bean
    public SipCredentials sipCredentials(TenantRepository tenants, PlatformTransactionManager transactions) {
        return new SipCredentials(tenants, transactions);
    }

    @Bean
    public Registrar registrar(SipProperties properties, SipCredentials credentials, TenantViewCache views,
                               RegistrationStore store, DigestAuth digest, Clock clock) {
        return new Registrar(properties, credentials, views, store, digest, clock);
    }

    @Bean
    public CallHandler callHandler(Registrar registrar, TenantViewCache views, RoutingEngine engine, Clock clock) {
        return new CallHandler(registrar, views, engine, clock);
    }

    @Bean
    public SipServer sipServer(SipProperties properties, Registrar registrar, CallHandler calls) {
        return new SipServer(properties, registrar, calls);
    }
}
