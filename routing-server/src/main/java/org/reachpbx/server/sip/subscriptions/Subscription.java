package org.reachpbx.server.sip.subscriptions;

import java.time.Instant;
import javax.sip.Dialog;

/**
 * One accepted SUBSCRIBE (RFC 6665): who (the device's channel and its user) watches what (a
 * user's dialogs or presence, or the own mailbox), in which dialog, until when. The last body sent
 * lets an unchanged state go unnotified.
 */
final class Subscription {
    final long tenantId;
    final String channel;
    final String subscriber;
    final String target;
    final EventPackage event;
    final String domain;
    final Dialog dialog;
    volatile Instant expiresAt;
    /** dialog-info version (RFC 4235 §4.1): one more with every NOTIFY. */
    long version;
    String lastBody;
    volatile boolean ended;

    Subscription(long tenantId, String channel, String subscriber, String target, EventPackage event, String domain,
                 Dialog dialog, Instant expiresAt) {
        this.tenantId = tenantId;
        this.channel = channel;
        this.subscriber = subscriber;
        this.target = target;
        this.event = event;
        this.domain = domain;
        this.dialog = dialog;
        this.expiresAt = expiresAt;
    }

    String entity() {
        return "sip:" + target + "@" + domain;
    }

    @Override
    public String toString() {
        return event.token + " of " + target + " for " + channel;
    }
}
