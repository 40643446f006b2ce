package org.reachpbx.server.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.reachpbx.ui.recordings.RecordingLibrary.Filter;

/**
 * The recordings list's query parameters as a filter (REC-03): {@code from}/{@code to} are dates
 * (yyyy-mm-dd, both included) in the tenant's zone, by default today, so the list opens on today.
 */
final class RecordingQuery {
    private RecordingQuery() {
    }

    static Filter filter(ZoneId zone, Clock clock, String from, String to, String caller, String destination,
                         String user) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = date("from", from, today);
        LocalDate last = date("to", to, first.isAfter(today) ? first : today);
        if (last.isBefore(first)) {
            throw new BadRequestException("from must not be after to");
        }
        return new Filter(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                caller, destination, user);
    }

    private static LocalDate date(String name, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date such as 2026-12-01");
        }
    }
}
