package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import lombok.Getter;
import lombok.Setter;

/** One device in a profile's ring sequence: on or off, and its step (1 rings first). */
@Embeddable
@Getter
@Setter
public class DeviceSelection {
    @NotBlank
    @Column(name = "device", nullable = false, length = 64)
    private String device;
    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;
    @Min(1)
    @Max(10)
    @Column(name = "step", nullable = false)
    private int step = 1;
}
