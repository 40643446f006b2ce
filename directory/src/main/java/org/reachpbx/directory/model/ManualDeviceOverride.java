package org.reachpbx.directory.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** Forces which of the user's devices ring until an end date-time (REACH-15). */
@Embeddable
@Getter
@Setter
public class ManualDeviceOverride {
    @ElementCollection
    @CollectionTable(name = "reach_override_device", joinColumns = @JoinColumn(name = "reach_config_id"))
    @OrderColumn(name = "position")
    @Column(name = "device", nullable = false, length = 64)
    private List<@NotBlank String> devices = new ArrayList<>();

    @Column(name = "device_override_until")
    private LocalDateTime until;
}
