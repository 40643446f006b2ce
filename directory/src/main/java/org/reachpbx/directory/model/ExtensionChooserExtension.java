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

/** Lets outside callers key a user or group extension without a DID of its own (EXC-01, EXC-02). */
@Entity
@Table(name = "ext_chooser")
@DiscriminatorValue("EXTENSION_CHOOSER")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "sound", "ringback", "fallbackExtension", "fallbackTimeout"})
public class ExtensionChooserExtension extends Extension {
    @Size(max = 255)
    @Column(name = "sound")
    private String sound;
    @Column(name = "ringback", nullable = false)
    private boolean ringback;
    @NotBlank
    @Column(name = "fallback_extension", nullable = false, length = 5)
    private String fallbackExtension;
    @Min(3)
    @Max(300)
    @Column(name = "fallback_timeout", nullable = false)
    private int fallbackTimeout = 10;

    @Override
    public ExtensionType getType() {
        return ExtensionType.EXTENSION_CHOOSER;
    }
}
