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

/** Time-based routing (TBR-01 … TBR-04): the first matching period wins, else the default. */
@Entity
@Table(name = "ext_tbr")
@DiscriminatorValue("TBR")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "defaultDestination", "periods"})
public class TbrExtension extends Extension {
    @NotBlank
    @Column(name = "default_destination", nullable = false, length = 20)
    private String defaultDestination;

    @ElementCollection
    @CollectionTable(name = "tbr_period", joinColumns = @JoinColumn(name = "tbr_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull TbrPeriod> periods = new ArrayList<>();

    @Override
    public ExtensionType getType() {
        return ExtensionType.TBR;
    }
}
