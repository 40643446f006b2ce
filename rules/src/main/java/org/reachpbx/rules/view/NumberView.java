package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.NumberKind;

/**
 * A public number of the account (ACC-05), national format. A personal number has an owner (user
 * extension) and the call classes REACH-06 uses; a company number is used in one schema.
 */
public record NumberView(String number, NumberKind kind, String owner, String defaultCallClass,
                         String anonymousCallClass, Integer schema) {
    public boolean personal() {
        return owner != null;
    }
}
