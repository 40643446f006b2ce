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

/** Location-based routing (LBR-01 … LBR-06). */
@Entity
@Table(name = "ext_lbr")
@DiscriminatorValue("LBR")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "lbrType", "sound", "defaultDestination", "defaultPrefix",
        "anonymousDestination", "anonymousPrefix", "mobileDestination", "entries"})
public class LbrExtension extends Extension {
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "lbr_type", nullable = false, length = 20)
    private LbrType lbrType;

    /** Prompt asking for the postal code (postal-code type). */
    @Size(max = 255)
    @Column(name = "sound")
    private String sound;

    @NotBlank
    @Column(name = "default_destination", nullable = false, length = 20)
    private String defaultDestination;
    @Size(max = 20)
    @Column(name = "default_prefix", length = 20)
    private String defaultPrefix;

    /** Withheld callers go here (area-code and caller-number types). */
    @Column(name = "anonymous_destination", length = 20)
    private String anonymousDestination;
    @Size(max = 20)
    @Column(name = "anonymous_prefix", length = 20)
    private String anonymousPrefix;

    /** Mobile callers go here (area-code type). */
    @Column(name = "mobile_destination", length = 20)
    private String mobileDestination;

    @ElementCollection
    @CollectionTable(name = "lbr_entry", joinColumns = @JoinColumn(name = "lbr_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull LbrEntry> entries = new ArrayList<>();

    @Override
    public ExtensionType getType() {
        return ExtensionType.LBR;
    }
}
