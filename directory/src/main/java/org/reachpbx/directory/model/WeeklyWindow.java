package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * A recurring window in the week, in the tenant's local time, in one of the manual's two forms
 * (NP-13, REACH-07): <b>per day</b> ({@code days} with {@code from}–{@code to} on each of them; an end
 * before the start runs past midnight) or <b>per period</b> ({@code fromDay from} → {@code toDay to},
 * one continuous span such as Fri 18:00 → Mon 08:00). End times are exclusive; {@code 24:00} is the
 * end of a day.
 * <p>
 * A mapped superclass rather than a nested embeddable: its fields are then plain fields of each
 * YAML entry, and Jackson still refuses unknown ones (it cannot do that for unwrapped objects).
 */
@MappedSuperclass
@Getter
@Setter
@JsonPropertyOrder({"days", "fromDay", "from", "toDay", "to"})
public abstract class WeeklyWindow {

    @Convert(converter = DaySetConverter.class)
    @Column(name = "days", length = 70)
    private List<@NotNull DayOfWeek> days = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "from_day", length = 9)
    private DayOfWeek fromDay;

    @NotNull
    @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm (00:00 to 24:00)")
    @Column(name = "from_time", nullable = false, length = 5)
    private String from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_day", length = 9)
    private DayOfWeek toDay;

    @NotNull
    @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm (00:00 to 24:00)")
    @Column(name = "to_time", nullable = false, length = 5)
    private String to;

    /** True for the "per period" form. */
    @JsonIgnore
    public boolean isPeriod() {
        return fromDay != null || toDay != null;
    }
}
