package org.reachpbx.server.config;

import org.reachpbx.server.sip.stack.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where the server listens once it is ready. */
@Component
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<SipServer> sip;

    public StartupReport(ObjectProvider<SipServer> sip) {
        this.sip = sip;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        String base = "http://localhost:" + port;
        SipServer server = sip.getIfAvailable();
        String sipLine = server != null && server.isRunning()
                ? server.host() + ":" + server.port() + " (udp, tcp; registrar, docs/sip.md)"
                : "off (pbx.sip.enabled=false)";
        log.info("""
                ReachPBX is ready
                  REST API   {}/api/tenants   (HTTP Basic, platform admin)
                  Admin UI   {}/ui
                  Health     {}/actuator/health
                  SIP        {}""", base, base, base, sipLine);
    }
}
