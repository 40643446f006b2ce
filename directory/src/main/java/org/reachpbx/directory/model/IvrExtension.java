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

/** A voice menu (IVR-01 … IVR-07); options may lead to another IVR, which is how menus nest. */
@Entity
@Table(name = "ext_ivr")
@DiscriminatorValue("IVR")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "sound", "ringback", "maxDigits", "failoverTimeout", "failoverDestination", "options"})
public class IvrExtension extends Extension {
    @Size(max = 255)
    @Column(name = "sound")
    private String sound;

    /** Two ringback cycles before the menu (IVR-02). */
    @Column(name = "ringback", nullable = false)
    private boolean ringback;

    /** Max digits per option, 1–6 (IVR-04). */
    @Min(1)
    @Max(6)
    @Column(name = "max_digits", nullable = false)
    private int maxDigits = 1;

    /** Seconds in this IVR before the failover destination; empty = no failover (IVR-05). */
    @Min(5)
    @Max(3600)
    @Column(name = "failover_timeout")
    private Integer failoverTimeout;

    @Column(name = "failover_destination", length = 5)
    private String failoverDestination;

    @ElementCollection
    @CollectionTable(name = "ivr_option", joinColumns = @JoinColumn(name = "ivr_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull IvrOption> options = new ArrayList<>();

    @Override
    public ExtensionType getType() {
        return ExtensionType.IVR;
    }
}
