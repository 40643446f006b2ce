package org.reachpbx.ui.calls;

/**
 * What the running server knows now and the database does not: calls in progress and registered
 * channels. The routing server provides it; without a SIP server both are 0.
 */
public interface LiveStatus {

    /** Calls ringing or answered now, of one tenant or (null) of all. */
    int callsInProgress(Long tenantId);

    /** Channels with at least one registered contact, of one tenant or (null) of all. */
    int registeredChannels(Long tenantId);
}
