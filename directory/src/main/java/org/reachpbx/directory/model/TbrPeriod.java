package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import lombok.Getter;
import lombok.Setter;

/**
 * A TBR period (TBR-02): a daily window from {@code from} to {@code to} on each day from
 * {@code fromDay} to {@code toDay} (TBR-03); an end before the start runs past midnight.
 */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"fromDay", "toDay", "from", "to", "destination"})
public class TbrPeriod {
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "from_day", nullable = false, length = 9)
    private DayOfWeek fromDay;
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "to_day", nullable = false, length = 9)
    private DayOfWeek toDay;
    @NotNull
    @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm (00:00 to 24:00)")
    @Column(name = "from_time", nullable = false, length = 5)
    private String from;
    @NotNull
    @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm (00:00 to 24:00)")
    @Column(name = "to_time", nullable = false, length = 5)
    private String to;
    @NotBlank
    @Column(name = "destination", nullable = false, length = 20)
    private String destination;
}
