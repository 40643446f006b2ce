package org.reachpbx.directory.model;

import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.*;

/**
 * A queue (ACD) with every option of the manual's chapter 13. Optional features are off when their
 * value is empty (e.g. no {@code exitDestination} = no exit option).
 */
@Entity
@Table(name = "ext_queue")
@DiscriminatorValue("QUEUE")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "startDate", "endDate", "emergency", "callLimit", "callLimitDestination",
        "access", "language", "strategy", "members", "ringTimeout", "wrapUpTime", "weight",
        "positionAnnouncementInterval", "expectedWaitAnnouncementInterval", "intro", "skipIntroWhenPossible",
        "joinTone", "infotainment", "musicOnHold", "musicOnHoldPlaylist", "secondCallToAgents", "exitDestination",
        "maxWaitTimeout", "maxWaitDestination", "individualForwarding", "noAgentsDestination"})
public class QueueExtension extends Extension {

    /** Before this date the queue is "Niet actief" (QUE-02). */
    @Column(name = "start_date")
    private LocalDate startDate;

    /** Termination: removed at the start of this date (QUE-02). */
    @Column(name = "end_date")
    private LocalDate endDate;

    /** Emergency queues come first and ring with alert-emergency (QUE-25). */
    @Column(name = "emergency", nullable = false)
    private boolean emergency;

    /** Positions: how many calls can wait at once (QUE-05). */
    @Min(1)
    @Max(500)
    @Column(name = "call_limit", nullable = false)
    private int callLimit = 10;

    /** Where a call goes when the queue is full; empty = busy (QUE-05). */
    @Column(name = "call_limit_destination", length = 20)
    private String callLimitDestination;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "access", nullable = false, length = 6)
    private QueueAccess access = QueueAccess.OPEN;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2)
    private Language language = Language.NL;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "strategy", nullable = false, length = 30)
    private QueueStrategy strategy = QueueStrategy.FIXED_ORDER_FROM_TOP;

    /** Members in rank order, rank 1 first: user and forward extensions only (QUE-06, QUE-07). */
    @ElementCollection
    @CollectionTable(name = "queue_member", joinColumns = @JoinColumn(name = "queue_id"))
    @OrderColumn(name = "position")
    @Column(name = "member", nullable = false, length = 5)
    private List<@NotNull String> members = new ArrayList<>();

    /** Longest one offer rings at an agent, at most 300 s (QUE-23). */
    @Min(5)
    @Max(value = 300, message = "must be at most 300 seconds")
    @Column(name = "ring_timeout", nullable = false)
    private int ringTimeout = 20;

    /** Seconds after a queue call before the agent gets the next one (QUE-22). */
    @Min(0)
    @Max(3600)
    @Column(name = "wrap_up_time", nullable = false)
    private int wrapUpTime;

    /** 0–100: agents in several queues get calls of the heaviest first (QUE-24). */
    @Min(0)
    @Max(100)
    @Column(name = "weight", nullable = false)
    private int weight = 50;

    /** Seconds between position announcements; empty = off (QUE-27). */
    @Min(10)
    @Max(3600)
    @Column(name = "position_announcement_interval")
    private Integer positionAnnouncementInterval;

    /** Seconds between expected-wait announcements; empty = off (QUE-28). */
    @Min(10)
    @Max(3600)
    @Column(name = "expected_wait_announcement_interval")
    private Integer expectedWaitAnnouncementInterval;

    /** Intro played on entry; empty = no intro (QUE-31). */
    @Size(max = 255)
    @Column(name = "intro")
    private String intro;

    @Column(name = "skip_intro_when_possible", nullable = false)
    private boolean skipIntroWhenPossible;

    /** One ringback cycle before entering (QUE-32). */
    @Column(name = "join_tone", nullable = false)
    private boolean joinTone;

    /** Files played once each at 40 s steps (QUE-29). */
    @ElementCollection
    @CollectionTable(name = "queue_infotainment", joinColumns = @JoinColumn(name = "queue_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull SoundFile> infotainment = new ArrayList<>();

    /** Off: ringback tone; on: the queue playlist in random order, or the account MOH when empty (QUE-30). */
    @Column(name = "music_on_hold", nullable = false)
    private boolean musicOnHold;

    @ElementCollection
    @CollectionTable(name = "queue_moh_track", joinColumns = @JoinColumn(name = "queue_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull SoundFile> musicOnHoldPlaylist = new ArrayList<>();

    /** An agent in a call may be offered one more queue call (QUE-33). */
    @Column(name = "second_call_to_agents", nullable = false)
    private boolean secondCallToAgents;

    /** Key 1 while waiting goes here; empty = no exit option (QUE-34). */
    @Column(name = "exit_destination", length = 20)
    private String exitDestination;

    /** Maximum wait (forward timer) in seconds; empty = callers wait until answered (QUE-35). */
    @Min(5)
    @Max(7200)
    @Column(name = "max_wait_timeout")
    private Integer maxWaitTimeout;

    @Column(name = "max_wait_destination", length = 20)
    private String maxWaitDestination;

    /** Logged-in agents' REACH forwards apply to queue calls (QUE-36). */
    @Column(name = "individual_forwarding", nullable = false)
    private boolean individualForwarding;

    /** While no agent is logged in, calls go here; empty = off (QUE-37). */
    @Column(name = "no_agents_destination", length = 20)
    private String noAgentsDestination;

    @Override
    public ExtensionType getType() {
        return ExtensionType.QUEUE;
    }
}
