package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/**
 * SMS costs are charged to the customer account (VM-05): one record per SMS, written when the SMS
 * is queued and completed with the SMSC's message id once the SMSC accepted it.
 */
@Entity
@Table(name = "sms_billing_record")
@Getter
@Setter
public class SmsBillingRecord extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "box", nullable = false, length = 5)
    private String box;

    @Column(name = "destination", nullable = false, length = 32)
    private String destination;

    @Column(name = "outbox_message_id", nullable = false)
    private long outboxMessageId;

    @Column(name = "voicemail_message_id")
    private Long voicemailMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "smsc_message_id", length = 64)
    private String smscMessageId;
}
