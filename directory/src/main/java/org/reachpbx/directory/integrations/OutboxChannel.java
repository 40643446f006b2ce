package org.reachpbx.directory.integrations;

/** How an outbox message leaves the server. */
public enum OutboxChannel {
    /** Voicemail notification by e-mail (VM-04), through SMTP. */
    EMAIL,
    /** Voicemail notification by SMS (VM-05), through an SMSC over SMPP. */
    SMS,
    /** A call event to a CRM webhook endpoint (CRM-02), over HTTP(S). */
    WEBHOOK,
    /** Message-waiting state of a mailbox to its user's phones: a SIP NOTIFY (RFC 3842). */
    MWI
}
