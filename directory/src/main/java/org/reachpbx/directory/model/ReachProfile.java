package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.ProfileSetting;

/**
 * A REACH profile (REACH-03): the route of incoming calls, the caller ID and the voicemail box.
 * A custom profile lists in {@code inherit} the settings it takes from the default profile at call
 * time (REACH-04). Forward destinations are {@code voicemail} (the user's own box), an extension
 * number or an external number; an empty destination means that forward is off.
 */
@Entity
@Table(name = "reach_profile")
@Getter
@Setter
@JsonPropertyOrder({"name", "inherit", "callerId", "forwardAlways", "forwardOnBusy", "forwardOnNoAnswer",
        "noAnswerTimeout", "forwardCallerId", "voicemailBox", "ringStepTimeout", "devices", "assistantGroup"})
public class ReachProfile extends Persistent {

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name = "Default";

    @ElementCollection
    @CollectionTable(name = "reach_profile_inherit", joinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "setting", nullable = false, length = 30)
    private List<@NotNull ProfileSetting> inherit = new ArrayList<>();

    /** One of the account's numbers; empty = no caller ID of its own. */
    @Column(name = "caller_id", length = 20)
    private String callerId;

    @Size(max = 20)
    @Column(name = "forward_always", length = 20)
    private String forwardAlways;

    @Size(max = 20)
    @Column(name = "forward_on_busy", length = 20)
    private String forwardOnBusy;

    @Size(max = 20)
    @Column(name = "forward_on_no_answer", length = 20)
    private String forwardOnNoAnswer;

    @Min(5)
    @Max(300)
    @Column(name = "no_answer_timeout", nullable = false)
    private int noAnswerTimeout = 20;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "forward_caller_id", nullable = false, length = 20)
    private ForwardCallerId forwardCallerId = ForwardCallerId.ORIGINAL_CALLER;

    /** Extension number of a voicemail extension; empty = the user's personal mailbox. */
    @Size(max = 5)
    @Column(name = "voicemail_box", length = 5)
    private String voicemailBox;

    /** How long one position of the ring sequence rings before the next joins (REACH-14). */
    @Min(5)
    @Max(300)
    @Column(name = "ring_step_timeout", nullable = false)
    private int ringStepTimeout = 15;

    /** Device selection and ring sequence: same position rings in parallel (REACH-14). */
    @ElementCollection
    @CollectionTable(name = "reach_profile_device", joinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull DeviceSelection> devices = new ArrayList<>();

    /** Ring the assistants instead of the manager, where the call class allows it (ASG-02). */
    @Column(name = "assistant_group", nullable = false)
    private boolean assistantGroup;

    public void setCallerId(String number) {
        this.callerId = PhoneNumbers.toE164(number);
    }

    public boolean inherits(ProfileSetting setting) {
        return inherit.contains(setting);
    }
}
