package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.*;

/** A general mailbox used in number plans (VM-01), managed through 920 with its number and PIN. */
@Entity
@Table(name = "ext_voicemail")
@DiscriminatorValue("VOICEMAIL")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "pin", "pinHash", "language", "greeting", "notification"})
public class VoicemailExtension extends Extension {

    /** A new mailbox PIN given on import or in the UI; hashed, never stored. */
    @Transient
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    private String pin;

    @Pattern(regexp = UserExtension.PIN_HASH, message = "must be a PIN hash as exported (\\{bcrypt\\}$2a$…)")
    @Column(name = "pin_hash", length = 100)
    private String pinHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2)
    private Language language = Language.NL;

    /** The greeting sound (an uploaded file or a 905 recording). */
    @Size(max = 255)
    @Column(name = "greeting")
    private String greeting;

    @Embedded
    @Valid
    private VoicemailNotification notification = new VoicemailNotification();

    @Override
    public ExtensionType getType() {
        return ExtensionType.VOICEMAIL;
    }
}
