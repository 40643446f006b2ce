package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * A device the user has (USR-08), named so REACH device selection can refer to it. A fixed device
 * may name the channel it is on; a mobile device carries its mobile number.
 */
@Embeddable
@Getter
@Setter
public class UserDevice {
    @NotBlank
    @Size(max = 64)
    @Column(name = "name", nullable = false, length = 64)
    private String name;
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 10)
    private DeviceType type;
    @Column(name = "channel", length = 64)
    private String channel;
    @Pattern(regexp = Patterns.DIALLED_NUMBER)
    @Column(name = "mobile_number", length = 20)
    private String mobileNumber;
}
