package org.reachpbx.directory.calls;

/** Where a call went, for billing: inside the tenant, over a trunk, or to the emergency services. */
public enum CallType {
    INTERNAL, EXTERNAL, EMERGENCY
}
