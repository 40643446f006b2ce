package org.reachpbx.server.metrics;

import org.reachpbx.server.calls.CdrWriter;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.CallHandler;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Micrometer metrics of the PBX, scraped at {@code /actuator/prometheus} by the platform admin, and
 * the live counters the admin UI's dashboard shows.
 */
@Configuration
public class MetricsConfiguration {

    @Bean
    public PbxMeters pbxMeters(ObjectProvider<B2bua> b2bua, ObjectProvider<CallHandler> calls,
                               ObjectProvider<SipServer> sip, ObjectProvider<RegistrationStore> registrations,
                               CdrWriter cdrs, JdbcTemplate jdbc) {
        return new PbxMeters(b2bua, calls, sip, registrations, cdrs, jdbc);
    }

    @Bean
    public ServerLiveStatus serverLiveStatus(ObjectProvider<B2bua> b2bua,
                                             ObjectProvider<RegistrationStore> registrations,
                                             ObjectProvider<org.reachpbx.server.sip.b2bua.LiveCalls> calls,
                                             org.reachpbx.directory.view.TenantViewCache views,
                                             ObjectProvider<org.reachpbx.server.sip.b2bua.Trunks> trunks) {
        return new ServerLiveStatus(b2bua, registrations, calls, views, trunks);
    }
}
