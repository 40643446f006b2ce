package org.reachpbx.rules.vocabulary;

/** The extension types of the manual (§2.2, ACC-02). Every function of an account is an extension. */
public enum ExtensionType {
    USER, GROUP, VOICEMAIL, AUTO_ANSWER, IVR, QUEUE, EXTENSION_CHOOSER, SYSTEM, LBR, TBR, CALL_LIMIT, FORWARD, AI
}
