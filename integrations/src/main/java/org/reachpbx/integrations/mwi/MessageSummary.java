package org.reachpbx.integrations.mwi;

/**
 * The body of a message-summary NOTIFY (RFC 3842, {@code application/simple-message-summary}):
 * whether messages wait, the mailbox account and the voice message counts new/old (urgent 0/0).
 */
public record MessageSummary(String account, long newMessages, long oldMessages) {

    public static final String CONTENT_TYPE = "application/simple-message-summary";

    public String body() {
        return "Messages-Waiting: " + (newMessages > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: " + account + "\r\n"
                + "Voice-Message: " + newMessages + "/" + oldMessages + " (0/0)\r\n";
    }
}
