package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.rules.vocabulary.Licence;

/** A user extension with its settings (USR-01) and its REACH configuration (REACH-02). */
@Entity
@Table(name = "ext_user")
@DiscriminatorValue("USER")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "pin", "pinHash", "pinChangeRequired", "licence", "areaCode", "language", "rights",
        "secondCallOffering", "callParking", "twinning", "assistantGroup", "emergencyFallbackCallerId",
        "connectCrm", "devices", "voicemailPinRequired", "voicemail", "reach"})
public class UserExtension extends Extension {

    /** What an exported PIN hash looks like: bcrypt behind Spring Security's algorithm prefix. */
    public static final String PIN_HASH = "\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}";

    /** A new PIN given on import or in the UI; checked against PIN rules and hashed, never stored. */
    @Transient
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    private String pin;

    /** The stored PIN: a salted one-way hash ({bcrypt}…). */
    @Pattern(regexp = PIN_HASH, message = "must be a PIN hash as exported (\\{bcrypt\\}$2a$…)")
    @Column(name = "pin_hash", length = 100)
    private String pinHash;

    /** Set when the PIN is 0000: a new PIN is required at the next login (USR-02). */
    @Column(name = "pin_change_required", nullable = false)
    private boolean pinChangeRequired;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "licence", nullable = false, length = 10)
    private Licence licence = Licence.PRO;

    /** Used for 112 and local dialling from DESKTOP and MOBILE (CH-03). */
    @Pattern(regexp = Patterns.AREA_CODE, message = "must be a Dutch area code such as 010 or 0546")
    @Column(name = "area_code", length = 4)
    private String areaCode;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2)
    private Language language = Language.NL;

    @Embedded
    @Valid
    private UserRights rights = new UserRights();

    /** More than one call may be offered at once (USR-11). */
    @Column(name = "second_call_offering", nullable = false)
    private boolean secondCallOffering;

    /** May park calls with *6 (PARK-01). */
    @Column(name = "call_parking", nullable = false)
    private boolean callParking;

    /** Several devices, at most 2 fixed; needs the account facility (USR-07). */
    @Column(name = "twinning", nullable = false)
    private boolean twinning;

    /** Name of the privacy group whose members are this manager's assistants (ASG-01). */
    @Size(max = 100)
    @Column(name = "assistant_group", length = 100)
    private String assistantGroup;

    /** User-level emergency fallback (EFB-06). */
    @Column(name = "emergency_fallback_caller_id", length = 20)
    private String emergencyFallbackCallerId;

    /** The Connect CRM add-on: call events go to the tenant's CRM hooks (CRM-02). */
    @Column(name = "connect_crm", nullable = false)
    private boolean connectCrm;

    @ElementCollection
    @CollectionTable(name = "user_device", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull UserDevice> devices = new ArrayList<>();

    /** Whether 1233 asks for the PIN before opening the personal mailbox (VM-07). */
    @Column(name = "voicemail_pin_required", nullable = false)
    private boolean voicemailPinRequired = true;

    /** Notifications of the personal mailbox (VM-07). */
    @Embedded
    @Valid
    private VoicemailNotification voicemail = new VoicemailNotification();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id")
    @Valid
    private ReachConfig reach = new ReachConfig();

    @Override
    public ExtensionType getType() {
        return ExtensionType.USER;
    }

    public void setEmergencyFallbackCallerId(String number) {
        this.emergencyFallbackCallerId = PhoneNumbers.toE164(number);
    }
}
