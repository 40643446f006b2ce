package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.ExtensionType;

/** One extension of any type, as the rules see it: immutable, built off the call path. */
public interface ExtensionView {
    String number();

    String name();

    ExtensionType type();
}
