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
    /**
     * Tenants that had no webhook endpoint when last asked (and when): forgotten when their
     * endpoints change, and looked at again after a while in case a change raced with the asking.
     */
    private final java.util.Map<Long, Long> withoutEndpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    public CrmHooks(TenantRepository tenants, WebhookEndpointRepository endpoints, Outbox outbox) {
        this.tenants = tenants;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.json = new ObjectMapper();
    }

    @Override
    @Transactional
    public int publish(CallEvent event) {
        // Most tenants have no CRM, and the B2BUA publishes several events per call: a tenant known
        // to have no endpoint costs nothing, and the tenant is only read when someone listens.
        Long checked = withoutEndpoints.get(event.tenantId());
        long now = System.nanoTime();
        if (checked != null && now - checked < RECHECK_NANOS) {
            return 0;
        }
        List<WebhookEndpoint> all = endpoints.findByTenantIdOrderByIdAsc(event.tenantId());
        if (all.isEmpty()) {
            withoutEndpoints.put(event.tenantId(), now);
            return 0;
        }
        List<WebhookEndpoint> interested = all.stream().filter(e -> e.wants(event.type().name())).toList();
        if (interested.isEmpty()) {
            return 0;
        }
        Optional<Tenant> tenant = tenants.findById(event.tenantId());
        if (tenant.isEmpty()) {
            return 0;
        }
        Optional<Extension> extension = tenant.get().extension(event.extension());
        if (extension.isPresent() && extension.get() instanceof UserExtension user && !user.isConnectCrm()) {
            return 0;
        }
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

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    public void endpointsChanged(WebhookEndpoints.Changed change) {
        withoutEndpoints.remove(change.tenantId());
    }
}
