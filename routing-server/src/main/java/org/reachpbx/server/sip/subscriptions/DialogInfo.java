package org.reachpbx.server.sip.subscriptions;

import java.util.List;
import java.util.Locale;
import org.reachpbx.server.sip.subscriptions.DialogStates.UserDialog;

/**
 * The body of a dialog NOTIFY (RFC 4235, {@code application/dialog-info+xml}): the full state of
 * the user's calls; no dialog element means idle. Incoming and outgoing calls are told apart by
 * {@code direction} (BTN-03: only incoming ringing can be picked up); {@code local-tag} and
 * {@code remote-tag} are those of the caller's dialog with the server, which a phone's BLF key names
 * in the Replaces of a pickup (RFC 3891, {@code PickUpByReplaces}).
 */
final class DialogInfo {

    private DialogInfo() {
    }

    static String body(String entity, long version, List<UserDialog> dialogs, String domain) {
        StringBuilder b = new StringBuilder(256);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"").append(version)
                .append("\" state=\"full\" entity=\"").append(Xml.escape(entity)).append("\">\n");
        for (UserDialog d : dialogs) {
            b.append("  <dialog id=\"").append(Xml.escape(d.callId())).append("\" call-id=\"")
                    .append(Xml.escape(d.callId())).append('"');
            if (d.localTag() != null && d.remoteTag() != null) {
                b.append(" local-tag=\"").append(Xml.escape(d.localTag())).append("\" remote-tag=\"")
                        .append(Xml.escape(d.remoteTag())).append('"');
            }
            b.append(" direction=\"")
                    .append(d.initiator() ? "initiator" : "recipient").append("\">\n")
                    .append("    <state>").append(d.state().name().toLowerCase(Locale.ROOT)).append("</state>\n");
            if (d.remote() != null) {
                b.append("    <remote><identity>sip:").append(Xml.escape(d.remote())).append('@')
                        .append(Xml.escape(domain)).append("</identity></remote>\n");
            }
            b.append("  </dialog>\n");
        }
        return b.append("</dialog-info>\n").toString();
    }
}
