package org.reachpbx.integrations.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.directory.integrations.WebhookEndpointRepository;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.integrations.events.CallEvent;
import org.reachpbx.integrations.events.CallEventPublisher;
import org.reachpbx.integrations.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call events to the tenant's CRM webhooks (CRM-02): each endpoint whose filter takes the event gets
 * one outbox message with its own idempotency key. Events about a user go out only when the user has
 * the Connect CRM add-on (CRM-01); events about other extensions (a voicemail extension's
 * "voicemail left") go to every interested endpoint.
 */
@Service
public class CrmHooks implements CallEventPublisher {

    private final TenantRepository tenants;
    private final WebhookEndpointRepository endpoints;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CrmHooks(TenantRepository tenants, WebhookEndpointRepository endpoints, Outbox outbox) {
        this.tenants = tenants;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.json = new ObjectMapper();
    }

    @Override
    @Transactional
    public int publish(CallEvent event) {
        Optional<Tenant> tenant = tenants.findById(event.tenantId());
        if (tenant.isEmpty()) {
            return 0;
        }
        Optional<Extension> extension = tenant.get().extension(event.extension());
        if (extension.isPresent() && extension.get() instanceof UserExtension user && !user.isConnectCrm()) {
            return 0;
        }
        List<WebhookEndpoint> interested = endpoints.findByTenantIdOrderByIdAsc(event.tenantId()).stream()
                .filter(e -> e.wants(event.type().name())).toList();
        String eventId = UUID.randomUUID().toString();
        for (WebhookEndpoint endpoint : interested) {
            String deliveryId = UUID.randomUUID().toString();
            OutboxMessage m = new OutboxMessage();
            m.setTenantId(event.tenantId());
            m.setChannel(OutboxChannel.WEBHOOK);
            m.setDestination(endpoint.getUrl());
            m.setSubject(event.type().name());
            m.setWebhookEndpointId(endpoint.getId());
            m.setVoicemailMessageId(event.voicemailMessageId());
            m.setIdempotencyKey(deliveryId);
            m.setBody(CallEventDocument.write(json, event, deliveryId, eventId, tenant.get().getName(),
                    extension.map(Extension::getName).orElse(null),
                    extension.map(e -> e.getType().name()).orElse(null)));
            outbox.enqueue(m);
        }
        return interested.size();
    }
}
