package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.hibernate.Length;
import org.reachpbx.directory.model.Persistent;

/**
 * One message for the outside world, written in the same transaction as its cause (a voicemail
 * left, a call event) and sent later by the outbox route: nothing is lost when a peer is down or the
 * server restarts. The content is fixed when the message is written (text in the box's language,
 * the webhook JSON with its idempotency key); what may change meanwhile (the audio, a webhook
 * secret, the message counts of a mailbox) is read when it is sent.
 */
@Entity
@Table(name = "outbox_message")
@Getter
@Setter
public class OutboxMessage extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private OutboxChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private OutboxState state = OutboxState.PENDING;

    /** E-mail address, SMS number (E.164), webhook URL or the mailbox account (sip:box@domain). */
    @Column(name = "destination", nullable = false, length = 1000)
    private String destination;

    /** E-mail subject; the event type of a webhook message. */
    @Column(name = "subject", length = 255)
    private String subject;

    /** E-mail or SMS text, or the webhook's JSON document. */
    @Lob
    @Column(name = "body", length = Length.LONG32)
    private String body;

    /** The voicemail message this notifies about (audio attachment, delete after e-mail). */
    @Column(name = "voicemail_message_id")
    private Long voicemailMessageId;

    @Column(name = "attach_audio", nullable = false)
    private boolean attachAudio;

    @Column(name = "delete_after_delivery", nullable = false)
    private boolean deleteAfterDelivery;

    @Column(name = "webhook_endpoint_id")
    private Long webhookEndpointId;

    /** The mailbox (extension number) whose message-waiting state an MWI message carries. */
    @Column(name = "box", length = 5)
    private String box;

    /**
     * For MWI: the one phone contact to notify (a phone that just registered), so that it does not
     * wait for the user's other phones; null = all the user's registered phones.
     */
    @Column(name = "target", length = 1000)
    private String target;

    /** Sent with every attempt, so that a receiver can drop a repeated delivery. */
    @Column(name = "idempotency_key", nullable = false, unique = true, length = 36)
    private String idempotencyKey;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;
}
