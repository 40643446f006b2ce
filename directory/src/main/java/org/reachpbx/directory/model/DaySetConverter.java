package org.reachpbx.directory.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a list of weekdays as one column ("MONDAY,TUESDAY"): a window's days are read as a whole. */
@Converter
public class DaySetConverter implements AttributeConverter<List<DayOfWeek>, String> {
    @Override
    public String convertToDatabaseColumn(List<DayOfWeek> days) {
        return days == null || days.isEmpty() ? null
                : days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    @Override
    public List<DayOfWeek> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new ArrayList<>();
        }
        return Arrays.stream(column.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toCollection(ArrayList::new));
    }
}
