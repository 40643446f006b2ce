package org.reachpbx.integrations.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.rules.vocabulary.Language;

/** The notification texts in the box's language, with the time in the tenant's zone. */
class VoicemailNoticesTest {

    private final VoicemailNotices notices = new VoicemailNotices();

    private static Box box(Language language, String zone) {
        return new Box(1, "Demo BV", "demo.example", ZoneId.of(zone), "600", "Algemene voicemail", false, language,
                "info@x.nl", true, false, "0612345678", false);
    }

    private static VoicemailMessage message(String caller) {
        VoicemailMessage m = new VoicemailMessage();
        m.setCallerNumber(caller);
        m.setReceivedAt(Instant.parse("2026-07-01T16:30:00Z"));
        m.setDurationMillis(75_400);
        return m;
    }

    @Test
    void englishInTheTenantsZone() {
        VoicemailNotices.Email mail = notices.email(box(Language.EN, "Europe/London"), message("0201234567"));
        assertThat(mail.subject()).isEqualTo("New voicemail from 0201234567 for 600 Algemene voicemail");
        assertThat(mail.body()).contains("Received:  Wednesday 1 July 2026 at 17:30").contains("Duration:  1:15")
                .contains("attached as a WAV file");
        assertThat(notices.sms(box(Language.EN, "Europe/London"), message("0201234567")))
                .isEqualTo("Voicemail for 600 from 0201234567, 1/7 17:30, 1:15.");
    }

    @Test
    void germanAndAnAnonymousCaller() {
        VoicemailNotices.Email mail = notices.email(box(Language.DE, "Europe/Berlin"), message(null));
        assertThat(mail.subject()).isEqualTo("Neue Sprachnachricht von anonym für 600 Algemene voicemail");
        assertThat(mail.body()).contains("Empfangen: Mittwoch, 1. Juli 2026 um 18:30").contains("Dauer:     1:15");
    }

    @Test
    void dutch() {
        VoicemailNotices.Email mail = notices.email(box(Language.NL, "Europe/Amsterdam"), message("0612345678"));
        assertThat(mail.body()).contains("Ontvangen: woensdag 1 juli 2026 om 18:30");
    }
}
