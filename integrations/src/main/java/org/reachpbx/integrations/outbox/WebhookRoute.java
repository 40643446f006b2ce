package org.reachpbx.integrations.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.directory.integrations.WebhookEndpointRepository;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.crm.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * CRM webhooks (CRM-02) through camel-http: a POST of the stored JSON, signed with the endpoint's
 * current secret, with the same idempotency key on every attempt. Any answer other than 2xx, or no
 * answer, is a failed attempt.
 */
@Component
public class WebhookRoute extends RouteBuilder {

    static final String ENTRY = "direct:outbox-webhook";

    private final IntegrationsProperties properties;
    private final WebhookEndpointRepository endpoints;

    public WebhookRoute(IntegrationsProperties properties, WebhookEndpointRepository endpoints) {
        this.properties = properties;
        this.endpoints = endpoints;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        IntegrationsProperties.Webhook http = properties.getWebhook();
        // One endpoint for all webhooks; the URL of each message comes with header CamelHttpUri.
        from(ENTRY).routeId("outbox-webhook")
                .process(this::compose)
                .to("http://crm-webhook?throwExceptionOnFailure=true&connectTimeout=" + http.getConnectTimeout().toMillis()
                        + "&responseTimeout=" + http.getResponseTimeout().toMillis());
    }

    private void compose(Exchange e) {
        OutboxMessage m = OutboxRoute.message(e);
        WebhookEndpoint endpoint = m.getWebhookEndpointId() == null ? null
                : endpoints.findById(m.getWebhookEndpointId()).orElse(null);
        if (endpoint == null) {
            throw new UndeliverableException("the webhook endpoint was removed");
        }
        if (!endpoint.isEnabled()) {
            throw new UndeliverableException("the webhook endpoint is disabled");
        }
        byte[] body = m.getBody().getBytes(StandardCharsets.UTF_8);
        e.getMessage().getHeaders().clear();
        e.getMessage().setHeader(Exchange.HTTP_URI, endpoint.getUrl());
        e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        e.getMessage().setHeader("User-Agent", "ReachPBX-Webhook/1");
        e.getMessage().setHeader(WebhookSignature.HEADER, WebhookSignature.sign(endpoint.getSecret(), body));
        e.getMessage().setHeader(WebhookSignature.IDEMPOTENCY_HEADER, m.getIdempotencyKey());
        e.getMessage().setHeader(WebhookSignature.EVENT_HEADER, m.getSubject());
        e.getMessage().setBody(body);
    }
}
