package org.reachpbx.directory.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * One thing that happened to a queue call (QUE-39): a call entered, was answered, abandoned, left
 * to a continuation, or an agent's queue call ended (talk and wrap-up). The statistics per 15
 * minutes, hour or day are summed from these in the tenant's time zone; never changed once written.
 */
@Entity
@Table(name = "queue_call_event")
@Getter
@Setter
public class QueueCallEvent {

    public enum Kind { ENTERED, ANSWERED, ABANDONED, LEFT, TALKED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_event_seq")
    @SequenceGenerator(name = "queue_event_seq", sequenceName = "queue_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "queue_number", nullable = false, length = 20)
    private String queueNumber;

    /** The caller's call (null for TALKED). */
    @Column(name = "call_id", length = 255)
    private String callId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    private Kind kind;

    /** The agent who answered (ANSWERED) or talked (TALKED). */
    @Column(name = "agent", length = 32)
    private String agent;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    /** Seconds the caller waited (ANSWERED, ABANDONED, LEFT). */
    @Column(name = "wait_seconds", nullable = false)
    private long waitSeconds;

    @Column(name = "talk_seconds", nullable = false)
    private long talkSeconds;

    @Column(name = "wrap_up_seconds", nullable = false)
    private long wrapUpSeconds;

    /** ENTERED: JOIN or why not (admission); LEFT: EXIT_KEY, MAX_WAIT, NO_AGENTS. */
    @Column(name = "reason", length = 30)
    private String reason;
}
