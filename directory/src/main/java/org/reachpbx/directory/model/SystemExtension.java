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

/** Makes one system service (915, 920, 905) reachable from a number plan (SYS-01). */
@Entity
@Table(name = "ext_system")
@DiscriminatorValue("SYSTEM")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "service"})
public class SystemExtension extends Extension {
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "service", nullable = false, length = 30)
    private SystemService service;

    @Override
    public ExtensionType getType() {
        return ExtensionType.SYSTEM;
    }
}
