package org.reachpbx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reachpbx.ui.i18n.UiTexts;

/** The audit trail's action names in Dutch (issue 17, defect 2); English shows them as stored. */
class AuditActionsTest {

    /** Every action the UI and the REST API record (docs/admin-ui.md, "The audit trail"). */
    static final List<String> ACTIONS = List.of("Account: update settings", "Contact pull: configure",
            "Contact pull: remove", "Contacts: add", "Contacts: replace", "Device logins: log in", "Device logins: log out",
            "Music on hold: update playlist", "Outbox: retry", "Privacy groups: update rights", "REACH: add call class",
            "REACH: add profile", "REACH: add status", "REACH: clear", "REACH: copy", "REACH: delete call class",
            "REACH: delete profile", "REACH: delete status", "REACH: reassign", "REACH: save", "Rule tables: discard draft",
            "Rule tables: edit draft", "Rule tables: new draft", "Rule tables: publish", "Rule tables: roll back",
            "Rule tables: upload draft", "SIP edge: lift ban", "Sounds: delete", "Sounds: upload", "Tenants: delete",
            "Tenants: import", "UI users: change", "UI users: create", "Voicemail: delete", "Voicemail: deposit",
            "Voicemail: mark old", "Webhooks: create", "Webhooks: delete", "Webhooks: update",
            "Number plans: set manual override", "Number plans: clear manual override", "Number plans: add holiday",
            "Number plans: update holiday", "Number plans: delete", "Number plans: delete expired holidays",
            "Extensions: create", "Extensions: update", "Extensions: delete", "Channels: create", "Numbers: update",
            "Privacy groups: create", "Users: CSV import", "Numbers: CSV import", "Number plans: change by phone",
            "REACH: forward by phone", "Extensions: PIN by phone", "Device logins: log in by phone",
            "Device logins: log out by phone");

    final UiTexts texts = new UiTexts();

    String dutch(String action) {
        return AuditActions.label(action, k -> texts.getTranslation(k, UiTexts.DUTCH));
    }

    String english(String action) {
        return AuditActions.label(action, k -> texts.getTranslation(k, Locale.ENGLISH));
    }

    @Test
    void actionsAreShownInDutch() {
        assertThat(dutch("Rule tables: roll back")).isEqualTo("Regeltabellen: terugdraaien");
        assertThat(dutch("Tenants: import")).isEqualTo("Klanten: importeren");
        assertThat(dutch("Users: CSV import")).isEqualTo("Gebruikers: CSV-import");
    }

    @Test
    void everyRecordedActionHasADutchTextAndEnglishStaysAsStored() {
        for (String action : ACTIONS) {
            assertThat(english(action)).as(action).isEqualTo(action);
            String area = action.substring(0, action.indexOf(':'));
            String verb = action.substring(action.indexOf(": ") + 2);
            assertThat(texts.getTranslation("audit.area." + AuditActions.key(area), UiTexts.DUTCH)).as(action).doesNotStartWith("!");
            assertThat(texts.getTranslation("audit.verb." + AuditActions.key(verb), UiTexts.DUTCH)).as(action).doesNotStartWith("!");
        }
    }

    @Test
    void anUnknownPartIsShownAsStored() {
        assertThat(dutch("Tenants: teleport")).isEqualTo("Klanten: teleport");
        assertThat(dutch("no colon here")).isEqualTo("no colon here");
        assertThat(dutch(null)).isEmpty();
    }
}
