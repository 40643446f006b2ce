package org.reachpbx.directory.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * One segment of a call (issue 17): each routing decision the B2BUA executed for it, in order. A
 * call forwarded on busy has two legs (the extension that was busy, then the forward's target); a
 * call a menu, voicemail or queue served and then rang on has the service's leg and then the ring.
 * Written with its call's {@link CallDetailRecord}, in the same transaction, and purged with it.
 */
@Entity
@Table(name = "call_leg_record")
@Getter
@Setter
public class CallLegRecord {

    /** What the segment did: the outcome of the decision that started it. */
    public enum Kind { RING, MEDIA, COLLECT, REJECT }

    /** How the segment ended. */
    public enum Outcome {
        /** A device or number of the segment answered. */
        ANSWERED,
        /** Busy: the continuation on busy took over, or the caller got a busy tone. */
        BUSY,
        /** Nobody answered before the timer (or the caller gave up): the no-answer continuation or the end. */
        NO_ANSWER,
        /** Nothing of the segment could ring: the unreachable continuation took over. */
        UNREACHABLE,
        /** A media service of the server answered; the call ended there. */
        SERVED,
        /** A menu or service handed the call on (a choice keyed, the service done). */
        CHOSEN,
        /** The menu's failover timer ended without a choice. */
        TIMED_OUT,
        /** The called party (an AI service) transferred the caller. */
        TRANSFERRED,
        /** The rules refused the call here. */
        REJECTED,
        /** The caller hung up while it rang. */
        CALLER_LEFT,
        /** The segment could not be set up (no trunk, no codec in common, a server error). */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cdr_leg_seq")
    @SequenceGenerator(name = "cdr_leg_seq", sequenceName = "cdr_leg_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cdr_id", nullable = false)
    private CallDetailRecord record;

    /** 1 for the first decision, then one up per segment. */
    @Column(name = "leg_index", nullable = false)
    private int position;

    @Column(name = "kind", nullable = false, length = 8)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    /** What rang or served: extensions and numbers, comma-separated, or the service ("voicemail 570"). */
    @Column(name = "target", length = 255)
    private String target;

    /** Who forwarded the call into this segment (the decision's Diversion), when it was a forward. */
    @Column(name = "forwarded_by", length = 64)
    private String forwardedBy;

    @Column(name = "outcome", nullable = false, length = 12)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    /** The extension or number that answered, for an ANSWERED leg. */
    @Column(name = "answered_by", length = 64)
    private String answeredBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;
}
