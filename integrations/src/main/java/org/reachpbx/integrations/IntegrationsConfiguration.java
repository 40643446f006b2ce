package org.reachpbx.integrations;

import org.reachpbx.integrations.sip.SipNotifyComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Switches on the {@code pbx.integrations.*} settings and registers the project's Camel components. */
@Configuration
@EnableConfigurationProperties(IntegrationsProperties.class)
public class IntegrationsConfiguration {

    /** Camel finds components among the beans by name: this is scheme {@code sipnotify:}. */
    @Bean("sipnotify")
    SipNotifyComponent sipNotifyComponent(IntegrationsProperties properties) {
        SipNotifyComponent component = new SipNotifyComponent();
        component.setHost(properties.getSip().getHost());
        component.setPort(properties.getSip().getPort());
        component.setTimeout(properties.getSip().getTimeout());
        return component;
    }
}
