package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * A tenant (the manual's "account", "klantaccount"): the root of everything one customer
 * configures. The whole tree below it is validated and stored as one unit.
 */
@Entity
@Table(name = "tenant")
@Getter
@Setter
@JsonPropertyOrder({"name", "sipDomain", "extensionLength", "timeZone", "emergencyFallbackCallerId",
        "externalCallLimit", "callBarring", "ipListing", "ipAllowlist", "facilities", "musicOnHold", "anchorMedia",
        "numbers", "channels", "privacyGroups", "users", "groups", "voicemails", "autoAnswers", "ivrs",
        "queues", "extensionChoosers", "systemExtensions", "lbrs", "tbrs", "callLimits", "forwards",
        "aiExtensions", "numberPlanSchemas"})
public class Tenant extends Persistent {

    /** Optimistic locking: two admins saving the same tenant cannot silently overwrite each other. */
    @Version
    @JsonIgnore
    @Setter(AccessLevel.NONE)
    private long version;

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, unique = true, length = 100)
    private String name;

    /** The SIP domain of the tenant; also the digest-authentication realm of its channels. */
    @NotBlank
    @Pattern(regexp = "[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?")
    @Column(name = "sip_domain", nullable = false, unique = true, length = 100)
    private String sipDomain;

    /** 3, 4 or 5; chosen once when the account is created and never changed (ACC-01). */
    @NotNull
    @Min(3)
    @Max(5)
    @Column(name = "extension_length", nullable = false)
    private Integer extensionLength;

    /** All schedules run in this zone (NP-22). */
    @NotBlank
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "Europe/Amsterdam";

    /** Mandatory account fallback for emergency calls; a company number of this tenant (EFB-05). */
    @NotBlank(message = "is required: every account needs an emergency fallback caller ID (a company number)")
    @Column(name = "emergency_fallback_caller_id", nullable = false, length = 20)
    private String emergencyFallbackCallerId;

    /** Concurrent external calls per user extension (ECL-01). */
    @Min(1)
    @Max(5)
    @Column(name = "external_call_limit", nullable = false)
    private int externalCallLimit = 3;

    /** Categories blocked for all users (CB-01). */
    @ElementCollection
    @CollectionTable(name = "tenant_call_barring", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 40)
    private List<@NotNull BarringCategory> callBarring = new ArrayList<>();

    /** IP listing is on by default for new accounts (IPL-02). */
    @Column(name = "ip_listing", nullable = false)
    private boolean ipListing = true;

    @ElementCollection
    @CollectionTable(name = "tenant_ip_allow", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull IpAllowEntry> ipAllowlist = new ArrayList<>();

    @Embedded
    @Valid
    private Facilities facilities = new Facilities();

    /** The account's music-on-hold playlist, played in order and restarting at the end (MOH-01). */
    @ElementCollection
    @CollectionTable(name = "tenant_moh_track", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull SoundFile> musicOnHold = new ArrayList<>();

    /**
     * Whether bridged calls run their media through the server (a channel may override it); null:
     * the server's default, {@code pbx.media.anchor-media}.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "anchor_media", length = 12)
    private AnchorMedia anchorMedia;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    @OrderBy("number")
    private List<@Valid @NotNull PhoneNumber> numbers = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    @OrderBy("name")
    private List<@Valid @NotNull Channel> channels = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    @OrderBy("name")
    private List<@Valid @NotNull PrivacyGroup> privacyGroups = new ArrayList<>();

    /** Extensions of every type; the YAML shows one list per type (see the typed accessors). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    @OrderBy("number")
    @JsonIgnore
    private List<@Valid @NotNull Extension> extensions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    @OrderBy("number")
    private List<@Valid @NotNull NumberPlanSchema> numberPlanSchemas = new ArrayList<>();

    public void setEmergencyFallbackCallerId(String number) {
        this.emergencyFallbackCallerId = PhoneNumbers.toE164(number);
    }

    @JsonProperty("users")
    public List<UserExtension> getUsers() { return ofType(UserExtension.class); }
    @JsonProperty("users")
    public void setUsers(List<UserExtension> list) { addAll(list); }

    @JsonProperty("groups")
    public List<GroupExtension> getGroups() { return ofType(GroupExtension.class); }
    @JsonProperty("groups")
    public void setGroups(List<GroupExtension> list) { addAll(list); }

    @JsonProperty("voicemails")
    public List<VoicemailExtension> getVoicemails() { return ofType(VoicemailExtension.class); }
    @JsonProperty("voicemails")
    public void setVoicemails(List<VoicemailExtension> list) { addAll(list); }

    @JsonProperty("autoAnswers")
    public List<AutoAnswerExtension> getAutoAnswers() { return ofType(AutoAnswerExtension.class); }
    @JsonProperty("autoAnswers")
    public void setAutoAnswers(List<AutoAnswerExtension> list) { addAll(list); }

    @JsonProperty("ivrs")
    public List<IvrExtension> getIvrs() { return ofType(IvrExtension.class); }
    @JsonProperty("ivrs")
    public void setIvrs(List<IvrExtension> list) { addAll(list); }

    @JsonProperty("queues")
    public List<QueueExtension> getQueues() { return ofType(QueueExtension.class); }
    @JsonProperty("queues")
    public void setQueues(List<QueueExtension> list) { addAll(list); }

    @JsonProperty("extensionChoosers")
    public List<ExtensionChooserExtension> getExtensionChoosers() { return ofType(ExtensionChooserExtension.class); }
    @JsonProperty("extensionChoosers")
    public void setExtensionChoosers(List<ExtensionChooserExtension> list) { addAll(list); }

    @JsonProperty("systemExtensions")
    public List<SystemExtension> getSystemExtensions() { return ofType(SystemExtension.class); }
    @JsonProperty("systemExtensions")
    public void setSystemExtensions(List<SystemExtension> list) { addAll(list); }

    @JsonProperty("lbrs")
    public List<LbrExtension> getLbrs() { return ofType(LbrExtension.class); }
    @JsonProperty("lbrs")
    public void setLbrs(List<LbrExtension> list) { addAll(list); }

    @JsonProperty("tbrs")
    public List<TbrExtension> getTbrs() { return ofType(TbrExtension.class); }
    @JsonProperty("tbrs")
    public void setTbrs(List<TbrExtension> list) { addAll(list); }

    @JsonProperty("callLimits")
    public List<CallLimitExtension> getCallLimits() { return ofType(CallLimitExtension.class); }
    @JsonProperty("callLimits")
    public void setCallLimits(List<CallLimitExtension> list) { addAll(list); }

    @JsonProperty("forwards")
    public List<ForwardExtension> getForwards() { return ofType(ForwardExtension.class); }
    @JsonProperty("forwards")
    public void setForwards(List<ForwardExtension> list) { addAll(list); }

    @JsonProperty("aiExtensions")
    public List<AiExtension> getAiExtensions() { return ofType(AiExtension.class); }
    @JsonProperty("aiExtensions")
    public void setAiExtensions(List<AiExtension> list) { addAll(list); }

    /**
     * The extensions of one type, in list order: extension-number order when loaded from the
     * database, document order right after a YAML import (so validation paths match the document).
     */
    public <T extends Extension> List<T> ofType(Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** The extension with this number, if any. */
    public java.util.Optional<Extension> extension(String number) {
        return extensions.stream().filter(e -> e.getNumber() != null && e.getNumber().equals(number)).findFirst();
    }

    private void addAll(List<? extends Extension> list) {
        if (list != null) {
            extensions.addAll(list);
        }
    }
}
