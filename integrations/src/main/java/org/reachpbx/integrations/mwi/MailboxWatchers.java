package org.reachpbx.integrations.mwi;

/**
 * Phones subscribed to a box's {@code message-summary} (RFC 3842, RFC 6665): told in their
 * subscription's dialog when the box's counts changed. The SIP server implements it; {@link
 * MessageWaiting} calls it after the change was committed, so the counts read for the NOTIFY are the
 * new ones (the unsolicited NOTIFY to registered phones goes through the outbox as before).
 */
public interface MailboxWatchers {

    /** The counts of {@code box} of {@code tenantId} may have changed. */
    void changed(long tenantId, String box);
}
