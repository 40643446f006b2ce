package org.reachpbx.server.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where the server listens once it is ready. */
@Component
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        String base = "http://localhost:" + port;
        log.info("""
                ReachPBX is ready
                  REST API   {}/api/tenants   (HTTP Basic, platform admin)
                  Admin UI   {}/ui
                  Health     {}/actuator/health
                  SIP        not listening yet: the SIP server arrives with the SIP issue""", base, base, base);
    }
}
