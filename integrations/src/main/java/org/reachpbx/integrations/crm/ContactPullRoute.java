package org.reachpbx.integrations.crm;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.stereotype.Component;

/**
 * The periodic contact pull: Camel's scheduler looks for due pulls; each is an HTTP GET through
 * camel-http, the JSON is read with camel-jackson and applied through {@link ContactSync}.
 */
@Component
public class ContactPullRoute extends RouteBuilder {

    private static final String TASK = "reachpbx.contactPull.task";

    private final ContactPulls pulls;
    private final IntegrationsProperties properties;

    public ContactPullRoute(ContactPulls pulls, IntegrationsProperties properties) {
        this.pulls = pulls;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        IntegrationsProperties.Webhook http = properties.getWebhook();
        from("scheduler:contact-pull?initialDelay=1000&delay=" + properties.getContactPull().getCheckInterval().toMillis())
                .routeId("contact-pull")
                .process(e -> e.getMessage().setBody(pulls.due()))
                .split(body())
                    .process(this::request)
                    .doTry()
                        .to("http://contact-pull?throwExceptionOnFailure=true&connectTimeout="
                                + http.getConnectTimeout().toMillis() + "&responseTimeout="
                                + http.getResponseTimeout().toMillis())
                        .unmarshal().json(ContactDocument.class)
                        .process(e -> pulls.apply(task(e).tenantId(), e.getMessage().getBody(ContactDocument.class)))
                    .doCatch(Exception.class)
                        .process(e -> pulls.failed(task(e).tenantId(),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                    .end()
                .end();
    }

    private void request(Exchange e) {
        ContactPulls.Task task = e.getMessage().getBody(ContactPulls.Task.class);
        e.setProperty(TASK, task);
        e.getMessage().getHeaders().clear();
        e.getMessage().setBody(null);
        e.getMessage().setHeader(Exchange.HTTP_URI, task.url());
        e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        e.getMessage().setHeader("Accept", "application/json");
        if (task.authorization() != null) {
            e.getMessage().setHeader("Authorization", task.authorization());
        }
    }

    private static ContactPulls.Task task(Exchange e) {
        return e.getProperty(TASK, ContactPulls.Task.class);
    }
}
