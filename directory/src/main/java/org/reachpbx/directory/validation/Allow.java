package org.reachpbx.directory.validation;

import java.util.EnumSet;
import java.util.Set;
import org.reachpbx.rules.vocabulary.ExtensionType;

/** What a destination field accepts. */
record Allow(boolean voicemail, boolean busy, boolean external, Set<ExtensionType> extensionTypes) {

    static final Set<ExtensionType> ANY_TYPE = EnumSet.allOf(ExtensionType.class);

    static Allow anything() {
        return new Allow(true, false, true, ANY_TYPE);
    }

    static Allow voicemailOrExtension() {
        return new Allow(true, false, false, ANY_TYPE);
    }

    static Allow extensionOrExternal() {
        return new Allow(false, false, true, ANY_TYPE);
    }

    static Allow extensionOrExternalOrBusy() {
        return new Allow(false, true, true, ANY_TYPE);
    }

    static Allow externalOnly() {
        return new Allow(false, false, true, EnumSet.noneOf(ExtensionType.class));
    }

    static Allow extensionsOf(Set<ExtensionType> types) {
        return new Allow(false, false, false, types);
    }
}
