package org.reachpbx.server.sip.subscriptions;

import java.util.Locale;

/** The event packages a phone may subscribe to, with the body type of their NOTIFYs. */
public enum EventPackage {
    /** BLF (RFC 4235): the target user's calls. */
    DIALOG("dialog", "application", "dialog-info+xml"),
    /** Presence (RFC 3856, PIDF RFC 3863) from the target's REACH status (REACH-17). */
    PRESENCE("presence", "application", "pidf+xml"),
    /** Message waiting (RFC 3842) of the subscriber's own mailbox. */
    MESSAGE_SUMMARY("message-summary", "application", "simple-message-summary");

    public final String token;
    public final String type;
    public final String subtype;

    EventPackage(String token, String type, String subtype) {
        this.token = token;
        this.type = type;
        this.subtype = subtype;
    }

    /** The package of an Event header's type, or null when we do not serve it. */
    public static EventPackage of(String eventType) {
        if (eventType == null) {
            return null;
        }
        String t = eventType.trim().toLowerCase(Locale.ROOT);
        for (EventPackage p : values()) {
            if (p.token.equals(t)) {
                return p;
            }
        }
        return null;
    }
}
