package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * A call class: a group of callers (REACH-05). It matches when the caller is one of its contacts,
 * one of its internal extensions, or starts with one of its prefixes (national format, ACC-08).
 */
@Entity
@Table(name = "call_class")
@Getter
@Setter
@JsonPropertyOrder({"name", "contacts", "extensions", "prefixes", "callerId", "assistantGroupAllowed"})
public class CallClass extends Persistent {
    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @ElementCollection
    @CollectionTable(name = "call_class_contact", joinColumns = @JoinColumn(name = "call_class_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull Contact> contacts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "call_class_extension", joinColumns = @JoinColumn(name = "call_class_id"))
    @OrderColumn(name = "position")
    @Column(name = "extension", nullable = false, length = 5)
    private List<@NotNull @Pattern(regexp = Patterns.EXTENSION) String> extensions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "call_class_prefix", joinColumns = @JoinColumn(name = "call_class_id"))
    @OrderColumn(name = "position")
    @Column(name = "prefix", nullable = false, length = 20)
    private List<@NotNull @Pattern(regexp = "\\d{1,20}", message = "must be digits in national format, e.g. 0049") String> prefixes = new ArrayList<>();

    /** Caller ID for outgoing calls to this class when the profile's caller ID inherits (REACH-16). */
    @Column(name = "caller_id", length = 20)
    private String callerId;

    /** Whether the manager's assistant group may take calls of this class (ASG-02). */
    @Column(name = "assistant_group_allowed", nullable = false)
    private boolean assistantGroupAllowed;

    public void setCallerId(String number) {
        this.callerId = PhoneNumbers.toE164(number);
    }
}
