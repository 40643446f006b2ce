package org.reachpbx.rules.services;

/** One privacy-group right row as held by one member over one target (PRV-02). */
public record RightView(String privacyGroup, String member, String target, boolean pickup, boolean presence,
                        boolean notifications, int notificationDelay, boolean listenIn, boolean retrieveParked) {
}
