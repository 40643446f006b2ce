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

    /** The names of the trunks the server is configured with (the dashboard's trunk state). */
    default java.util.List<String> trunks() {
        return java.util.List.of();
    }

    /** What a user extension is doing now, as the extensions list shows it. */
    enum UserState {
        /** None of the user's device channels is registered. */
        OFFLINE,
        /** A device channel is registered and the user has no call. */
        REGISTERED,
        /** The user has a call up but can take another (second call offering). */
        IN_CALL,
        /** The user counts as busy (USR-11): new calls get the busy treatment. */
        BUSY
    }

    /**
     * Every user extension's state now, of one tenant, in one lookup for the whole list (not one
     * per row); users missing from the map are {@link UserState#OFFLINE}.
     */
    default java.util.Map<String, UserState> userStates(long tenantId) {
        return java.util.Map.of();
    }
}
