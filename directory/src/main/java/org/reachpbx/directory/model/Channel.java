package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.DtmfMode;
import org.reachpbx.rules.vocabulary.Language;

/**
 * A VoIP channel: the SIP account of one device (CH-01). Its name is the SIP user name; the
 * password is kept only as the digest-authentication hashes the registrar needs.
 */
@Entity
@Table(name = "channel", uniqueConstraints = @UniqueConstraint(name = "uk_channel_tenant_name",
        columnNames = {"tenant_id", "name"}))
@Getter
@Setter
@JsonPropertyOrder({"name", "password", "passwordHash", "dtmfMode", "areaCode", "callLimit", "language",
        "country", "emergencyFallbackCallerId", "coupledUser", "sipEncryption", "anchorMedia"})
public class Channel extends Persistent {

    @NotBlank
    @Pattern(regexp = Patterns.SIP_USERNAME, message = "must be 1-64 letters, digits, '.', '_' or '-' (it is the SIP user name)")
    @Column(name = "name", nullable = false, length = 64)
    private String name;

    /** A new password given on import or in the UI; hashed when the tenant is saved, never stored. */
    @Transient
    @Size(min = 8, max = 128, message = "must be 8 to 128 characters")
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    private String password;

    @Embedded
    @Valid
    private SipPasswordHash passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "dtmf_mode", nullable = false, length = 10)
    private DtmfMode dtmfMode = DtmfMode.RFC4733;

    /** Routes 112 and allows local dialling without the area code (CH-03). */
    @Pattern(regexp = Patterns.AREA_CODE, message = "must be a Dutch area code such as 010 or 0546")
    @Column(name = "area_code", length = 4)
    private String areaCode;

    /** Calls the device can receive at once (CH-04). */
    @Min(1)
    @Max(5)
    @Column(name = "call_limit", nullable = false)
    private int callLimit = 2;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2)
    private Language language = Language.NL;

    /** Installation country, information only (CH-05). */
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as NL")
    @Column(name = "country", length = 2)
    private String country = "NL";

    /** Channel-level emergency fallback, used when no user is logged in (EFB-04). */
    @Column(name = "emergency_fallback_caller_id", length = 20)
    private String emergencyFallbackCallerId;

    /** The user linked to this channel for zero-touch provisioning (USR-10). */
    @Pattern(regexp = Patterns.EXTENSION)
    @Column(name = "coupled_user", length = 5)
    private String coupledUser;

    /** TLS/SRTP for this channel; needs the account's SIP encryption facility (ENC-01). */
    @Column(name = "sip_encryption", nullable = false)
    private boolean sipEncryption;

    /** Whether this channel's calls run their media through the server; null: the tenant's setting. */
    @Enumerated(EnumType.STRING)
    @Column(name = "anchor_media", length = 12)
    private AnchorMedia anchorMedia;

    public void setEmergencyFallbackCallerId(String number) {
        this.emergencyFallbackCallerId = PhoneNumbers.toE164(number);
    }
}
