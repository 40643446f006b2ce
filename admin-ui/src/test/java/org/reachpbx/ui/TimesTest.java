package org.reachpbx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every time in the admin UI in one format, in the tenant's zone, with the zone named (issue 17, defect 7). */
class TimesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void anInstantIsShownInTheTenantsZoneToTheSecondWithTheZoneNamed() {
        assertThat(Times.format(Instant.parse("2026-12-06T22:50:12.821840274Z"), AMSTERDAM))
                .isEqualTo("2026-12-06 23:50:12 CET");
        assertThat(Times.format(Instant.parse("2026-07-01T10:00:00Z"), AMSTERDAM)).isEqualTo("2026-07-01 12:00:00 CEST");
    }

    @Test
    void aWallClockTimeOfTheTenantGetsTheSameFormat() {
        assertThat(Times.format(LocalDateTime.parse("2026-12-31T00:00"), AMSTERDAM)).isEqualTo("2026-12-31 00:00:00 CET");
    }

    @Test
    void dataOfNoTenantIsShownInUtcNamedSo() {
        assertThat(Times.format(Instant.parse("2026-12-06T22:50:12Z"), Times.UTC)).isEqualTo("2026-12-06 22:50:12 UTC");
        assertThat(Times.format(Instant.parse("2026-12-06T22:50:12Z"), null)).isEqualTo("2026-12-06 22:50:12 UTC");
        assertThat(Times.zoneOf(null, null)).isEqualTo(Times.UTC);
    }

    @Test
    void anUnknownOrMissingZoneSettingFallsBackToUtcAndNothingIsEmpty() {
        assertThat(Times.zone("Europe/Amsterdam")).isEqualTo(AMSTERDAM);
        assertThat(Times.zone("Mars/Olympus")).isEqualTo(Times.UTC);
        assertThat(Times.zone(null)).isEqualTo(Times.UTC);
        assertThat(Times.format((Instant) null, AMSTERDAM)).isEmpty();
    }
}
