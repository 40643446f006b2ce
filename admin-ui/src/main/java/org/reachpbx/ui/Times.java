package org.reachpbx.ui;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the admin UI shows a point in time (issue 17, defect 7): in the tenant's time zone,
 * to the second, with the zone named, e.g. {@code 2026-12-06 23:50:12 CET}. Every view formats its
 * times here, so no raw ISO text ({@code 2026-12-06T22:50:12.821840274Z}) and no unnamed mix of
 * UTC and local time reaches the screen. Data of no tenant (rule tables, the SIP edge) is shown in
 * UTC, named so too.
 */
public final class Times {

    /** Year-month-day, 24-hour clock, the zone's short name (CET, CEST, UTC): the same in every language. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    /** UTC as a region, so it is named "UTC" (an offset would print as "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private Times() {
    }

    /** The instant as a wall-clock time in the zone. */
    public static String format(Instant at, ZoneId zone) {
        return at == null ? "" : FORMAT.format(at.atZone(zone == null ? UTC : zone));
    }

    /** A wall-clock time that is already the zone's (a holiday's start), with the zone named. */
    public static String format(LocalDateTime local, ZoneId zone) {
        return local == null ? "" : FORMAT.format(local.atZone(zone == null ? UTC : zone));
    }

    /** The tenant's zone (UTC for no tenant, or one not loaded). */
    public static ZoneId zoneOf(Long tenantId, org.reachpbx.directory.view.TenantViewCache views) {
        if (tenantId == null || views == null) {
            return UTC;
        }
        return views.byId(tenantId).map(org.reachpbx.rules.view.TenantView::zone).orElse(UTC);
    }

    /** The zone of a tenant's {@code timeZone} setting; UTC when there is none or it is unknown. */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
