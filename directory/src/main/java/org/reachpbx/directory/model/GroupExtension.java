package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.*;

/** A group extension: all members ring at once (GRP-01 … GRP-09). */
@Entity
@Table(name = "ext_group")
@DiscriminatorValue("GROUP")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "members", "individualForwarding", "internalForwards", "externalForwards",
        "forwardCallerId", "outsidersMayPickup", "outsidersSeeNotifications", "privacyGroups"})
public class GroupExtension extends Extension {

    /** User extensions that ring when the group is called. */
    @ElementCollection
    @CollectionTable(name = "group_member", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    @Column(name = "member", nullable = false, length = 5)
    private List<@NotNull String> members = new ArrayList<>();

    /** Members' own REACH forwards apply to their legs (GRP-03). */
    @Column(name = "individual_forwarding", nullable = false)
    private boolean individualForwarding;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "always", column = @Column(name = "int_forward_always")),
            @AttributeOverride(name = "onBusy", column = @Column(name = "int_forward_on_busy")),
            @AttributeOverride(name = "onNoAnswer", column = @Column(name = "int_forward_on_no_answer")),
            @AttributeOverride(name = "noAnswerTimeout", column = @Column(name = "int_no_answer_timeout", nullable = false))})
    @Valid
    private GroupForwards internalForwards = new GroupForwards();

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "always", column = @Column(name = "ext_forward_always")),
            @AttributeOverride(name = "onBusy", column = @Column(name = "ext_forward_on_busy")),
            @AttributeOverride(name = "onNoAnswer", column = @Column(name = "ext_forward_on_no_answer")),
            @AttributeOverride(name = "noAnswerTimeout", column = @Column(name = "ext_no_answer_timeout", nullable = false))})
    @Valid
    private GroupForwards externalForwards = new GroupForwards();

    /** Caller ID on forwarded group calls: the caller's or the called number (GRP-07). */
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "forward_caller_id", nullable = false, length = 20)
    private ForwardCallerId forwardCallerId = ForwardCallerId.ORIGINAL_CALLER;

    /** Users outside the group may pick up its calls (GRP-08). */
    @Column(name = "outsiders_may_pickup", nullable = false)
    private boolean outsidersMayPickup;

    /** Users outside the group see its DESKTOP notifications (GRP-08). */
    @Column(name = "outsiders_see_notifications", nullable = false)
    private boolean outsidersSeeNotifications;

    /** Privacy groups that get (or lose) exactly those two rights (GRP-08). */
    @ElementCollection
    @CollectionTable(name = "group_privacy_group", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    @Column(name = "privacy_group", nullable = false, length = 100)
    private List<@NotNull String> privacyGroups = new ArrayList<>();

    @Override
    public ExtensionType getType() {
        return ExtensionType.GROUP;
    }
}
