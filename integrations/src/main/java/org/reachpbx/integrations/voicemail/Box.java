package org.reachpbx.integrations.voicemail;

import java.time.ZoneId;
import org.reachpbx.rules.vocabulary.Language;

/**
 * A voicemail box as the integrations see it: a user's personal mailbox (VM-07) or a voicemail
 * extension (VM-01), with what its notifications need.
 *
 * @param personal true for a user's mailbox: its message-waiting state goes to the user's phones
 */
public record Box(long tenantId, String tenantName, String sipDomain, ZoneId zone, String number, String name,
                  boolean personal, Language language, String email, boolean attachAudio, boolean deleteAfterEmail,
                  String smsNumber, boolean connectCrm) {

    /** The mailbox account of RFC 3842: {@code sip:<box>@<tenant domain>}. */
    public String account() {
        return "sip:" + number + "@" + sipDomain;
    }
}
