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

/** SmartIVR or WhatsApp Calldeflector, connected to an external AI service (AI-01, AI-02). */
@Entity
@Table(name = "ext_ai")
@DiscriminatorValue("AI")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "kind", "serviceUri"})
public class AiExtension extends Extension {
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private AiKind kind = AiKind.SMART_IVR;

    /** SIP URI of the AI service the call is connected to. */
    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = "sips?:[^\\s]+", message = "must be a SIP URI such as sip:studio@ai.example.net")
    @Column(name = "service_uri", nullable = false, length = 255)
    private String serviceUri;

    @Override
    public ExtensionType getType() {
        return ExtensionType.AI;
    }
}
