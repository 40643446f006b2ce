package org.reachpbx.server.sip.media.voicemail;

import org.reachpbx.integrations.voicemail.VoicemailBoxes;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMailbox;
import org.reachpbx.integrations.voicemail.VoicemailMessages;

/**
 * The voicemail store as the phone services use it: boxes, messages, deposits (which queue e-mail,
 * SMS, message waiting and the CRM event), and the owner's password, language and greeting.
 */
public record Voicemail(VoicemailBoxes boxes, VoicemailMessages messages, VoicemailDeposit deposit,
                        VoicemailMailbox mailbox) {
}
