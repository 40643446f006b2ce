package org.reachpbx.rules.vocabulary;

/** The AI extension products (AI-01). */
public enum AiKind {
    SMART_IVR, WHATSAPP_CALLDEFLECTOR
}
