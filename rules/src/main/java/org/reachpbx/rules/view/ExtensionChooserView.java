package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.ExtensionType;

/** An extension chooser (EXC-02): the caller keys a user or group extension; fallback after a timeout. */
public record ExtensionChooserView(String number, String name, String sound, boolean ringback,
                                   String fallbackExtension, int fallbackTimeout) implements ExtensionView {
    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENSION_CHOOSER;
    }
}
