package org.reachpbx.rules.tables;

/** Call types that get an Alert-Info header (RING-01), in precedence order (RING-05). */
public enum CallType {
    EMERGENCY_QUEUE, QUEUE, GROUP, INTERNAL, NATIONAL, INTERNATIONAL
}
