package org.reachpbx.server.sip.b2bua;

/**
 * A call's dialog with its caller, as a BLF NOTIFY announces it (RFC 4235 {@code call-id},
 * {@code local-tag}, {@code remote-tag}) and a pickup by Replaces names it back (RFC 3891): the
 * caller's Call-ID, the server's tag (the To tag of its answers to the caller) and the caller's tag.
 */
public record CallerDialog(String callId, String serverTag, String callerTag) {

    /**
     * Whether the tags of a Replaces name this dialog: to-tag the server's and from-tag the caller's,
     * as RFC 3891 writes them for the server, or the other way round (phones differ); none at all (a
     * NOTIFY that announced none) matches too.
     */
    public boolean namedBy(String toTag, String fromTag) {
        if (empty(toTag) && empty(fromTag)) {
            return true;
        }
        return serverTag.equals(toTag) && callerTag != null && callerTag.equals(fromTag)
                || serverTag.equals(fromTag) && callerTag != null && callerTag.equals(toTag);
    }

    private static boolean empty(String tag) {
        return tag == null || tag.isEmpty();
    }
}
