package org.reachpbx.rules.vocabulary;

/** Languages of menus, prompts and notifications: Dutch, English, German. */
public enum Language {
    NL, EN, DE
}
