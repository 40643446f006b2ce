package org.reachpbx.rules.vocabulary;

/** Open queues accept 903 logins from any user; closed ones only from configured members (QUE-12). */
public enum QueueAccess {
    OPEN, CLOSED
}
