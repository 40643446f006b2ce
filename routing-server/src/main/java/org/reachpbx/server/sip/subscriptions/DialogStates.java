package org.reachpbx.server.sip.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.server.sip.b2bua.CallStateListener;

/**
 * Each user's calls in progress as the dialog event package shows them (RFC 4235), fed by the
 * B2BUA. A change is passed on to the subscriptions; a terminated call is shown once, then dropped.
 */
public class DialogStates implements CallStateListener {

    /** One call of a user, as shown on a BLF key. */
    public record UserDialog(String callId, State state, boolean initiator, String remote) {
    }

    private record Key(long tenantId, String user) {
    }

    private final Map<Key, Map<String, UserDialog>> calls = new ConcurrentHashMap<>();
    private volatile Listener listener = (tenant, user, dialogs) -> { };

    /** Who hears of a user's changed calls: the dialogs to show now (terminated ones included once). */
    public interface Listener {
        void changed(long tenantId, String user, List<UserDialog> dialogs);
    }

    void listen(Listener l) {
        this.listener = l;
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
            UserDialog now = new UserDialog(callId, state, was != null ? was.initiator() : initiator,
                    was != null && was.remote() != null ? was.remote() : remote);
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
