package org.reachpbx.integrations.outbox;

/** The peer of a channel is not configured (no SMTP host, no SMSC): the message waits, no attempt is counted. */
public class ChannelNotConfiguredException extends RuntimeException {
    public ChannelNotConfiguredException(String message) {
        super(message);
    }
}
