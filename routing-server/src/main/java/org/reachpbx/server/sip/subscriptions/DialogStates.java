package org.reachpbx.server.sip.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.reachpbx.server.sip.b2bua.CallerDialog;
import org.reachpbx.server.sip.b2bua.CallStateListener;

/**
 * Each user's calls in progress as the dialog event package shows them (RFC 4235), fed by the
 * B2BUA. A change is passed on to the subscriptions; a terminated call is shown once, then dropped.
 */
public class DialogStates implements CallStateListener {

    /**
     * One call of a user, as shown on a BLF key; {@code localTag}/{@code remoteTag}: the tags of the
     * caller's dialog with the server from that user's side (null when unknown), which a phone names
     * back in the Replaces of a pickup (RFC 3891).
     */
    public record UserDialog(String callId, State state, boolean initiator, String remote, String localTag,
                             String remoteTag) {
    }

    private record Key(long tenantId, String user) {
    }

    private final Map<Key, Map<String, UserDialog>> calls = new ConcurrentHashMap<>();
    private volatile Listener listener = (tenant, user, dialogs) -> { };
    private volatile Function<String, Optional<CallerDialog>> dialogs = callId -> Optional.empty();

    /** Who hears of a user's changed calls: the dialogs to show now (terminated ones included once). */
    public interface Listener {
        void changed(long tenantId, String user, List<UserDialog> dialogs);
    }

    void listen(Listener l) {
        this.listener = l;
    }

    /** Where the tags of a call's dialog with its caller come from (the B2BUA's calls in progress). */
    void tagsFrom(Function<String, Optional<CallerDialog>> callerDialogs) {
        this.dialogs = callerDialogs;
    }

    @Override
    public void changed(long tenantId, String user, String callId, State state, boolean initiator, String remote) {
        Key key = new Key(tenantId, user);
        List<UserDialog> shown;
        synchronized (this) {
            Map<String, UserDialog> mine = calls.computeIfAbsent(key, k -> new LinkedHashMap<>());
            UserDialog was = mine.get(callId);
            if (state == State.TERMINATED && was == null) {
                return; // never shown (a user-less side, or told twice)
            }
            if (was != null && was.state() == state) {
                return;
            }
            if (was != null && was.state() == State.CONFIRMED && state == State.EARLY) {
                return; // a late ringing event of a call already answered
            }
            UserDialog now = was != null
                    ? new UserDialog(callId, state, was.initiator(), was.remote() != null ? was.remote() : remote,
                            was.localTag(), was.remoteTag())
                    : shown(callId, state, initiator, remote);
            mine.put(callId, now);
            shown = List.copyOf(mine.values());
            if (state == State.TERMINATED) {
                mine.remove(callId);
                if (mine.isEmpty()) {
                    calls.remove(key);
                }
            }
        }
        listener.changed(tenantId, user, shown);
    }

    /** A call shown for the first time: the caller's side has the caller's tag as its local one, the called side the server's. */
    private UserDialog shown(String callId, State state, boolean initiator, String remote) {
        CallerDialog d = dialogs.apply(callId).orElse(null);
        if (d == null) {
            return new UserDialog(callId, state, initiator, remote, null, null);
        }
        return initiator ? new UserDialog(callId, state, true, remote, d.callerTag(), d.serverTag())
                : new UserDialog(callId, state, false, remote, d.serverTag(), d.callerTag());
    }

    /** The user's calls in progress now (none: idle). */
    public synchronized List<UserDialog> of(long tenantId, String user) {
        Map<String, UserDialog> mine = calls.get(new Key(tenantId, user));
        return mine == null ? List.of() : List.copyOf(mine.values());
    }

    /** Whether the user is in an answered call now (REACH-17: red). */
    public boolean inCall(long tenantId, String user) {
        return of(tenantId, user).stream().anyMatch(d -> d.state() == State.CONFIRMED);
    }
}
