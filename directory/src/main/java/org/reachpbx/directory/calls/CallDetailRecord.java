package org.reachpbx.directory.calls;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * One call the B2BUA handled, written once when it ended (issue 17): who called, what was dialled
 * and where it ended up, what the routing decided (outcome, the requirement IDs of the rules that
 * fired, and their trace), the times, and how it ended. Never changed after it is written.
 */
@Entity
@Table(name = "call_detail_record")
@Getter
@Setter
public class CallDetailRecord {

    /** Its own sequence: records come in batches at call rate, apart from the configuration rows. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cdr_seq")
    @SequenceGenerator(name = "cdr_seq", sequenceName = "cdr_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "call_id", nullable = false, length = 255)
    private String callId;

    @Column(name = "caller_number", length = 64)
    private String callerNumber;

    @Column(name = "caller_name", length = 128)
    private String callerName;

    /** The caller's extension when a user of the tenant called; null from a trunk. */
    @Column(name = "caller_user", length = 32)
    private String callerUser;

    @Column(name = "caller_channel", length = 64)
    private String callerChannel;

    @Column(name = "dialled", length = 64)
    private String dialled;

    /** Who or what the call ended at: the answering extension or number, or a media service. */
    @Column(name = "final_destination", length = 64)
    private String finalDestination;

    @Column(name = "answered_by_user", length = 32)
    private String answeredByUser;

    /** The routing decision's outcome: RING, REJECT, MEDIA or COLLECT. */
    @Column(name = "outcome", length = 12)
    private String outcome;

    /** The FEATURES.md requirement IDs of the rules that fired, comma-separated, in order. */
    @Column(name = "rule_ids", length = 500)
    private String ruleIds;

    /** The rules that fired, one per line: "ID rule: detail". */
    @Column(name = "rule_trace", length = 4000)
    private String ruleTrace;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "duration_seconds", nullable = false)
    private long durationSeconds;

    /** Answered time, rounded up to whole seconds; 0 when not answered. */
    @Column(name = "billable_seconds", nullable = false)
    private long billableSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition", nullable = false, length = 12)
    private CallDisposition disposition;

    /** Why it was refused or failed: the reject cause and reason, or the SIP reason. */
    @Column(name = "cause", length = 255)
    private String cause;

    /** The final status the caller got (200 when answered). */
    @Column(name = "sip_status", nullable = false)
    private int sipStatus;

    /** Extensions that forwarded the call on its way, comma-separated, when known. */
    @Column(name = "forwarded_by", length = 255)
    private String forwardedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false, length = 12)
    private CallType callType;

    /** The trunk the call came in or went out on; null for internal calls. */
    @Column(name = "trunk", length = 64)
    private String trunk;

    /** The call's segments in order (forwards, menus, media services, transfers); stored with the record. */
    @OneToMany(mappedBy = "record", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<CallLegRecord> legs = new ArrayList<>();

    /** Adds the next segment, numbered from 1. */
    public void addLeg(CallLegRecord leg) {
        leg.setRecord(this);
        leg.setPosition(legs.size() + 1);
        legs.add(leg);
    }
}
