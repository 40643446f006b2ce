package org.reachpbx.server.sip.services;

import java.util.List;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * A parked call (PARK-02/05): it hears the account's music on hold (MOH-03) on its line until it is
 * retrieved (another script takes over the call) or the caller hangs up, which frees the line.
 */
final class Parked implements MediaScript {

    private final ParkedCalls parked;
    private final long tenantId;
    private final int line;

    Parked(ParkedCalls parked, long tenantId, int line) {
        this.parked = parked;
        this.tenantId = tenantId;
        this.line = line;
    }

    @Override
    public void start(ServedCall call) {
        call.background(() -> HoldMusic.playlistOf(call.services(), tenantId), (List<Prompt> music) -> {
            if (!music.isEmpty()) {
                call.loop(music);
            }
        });
    }

    @Override
    public boolean callerHungUp(ServedCall call) {
        parked.left(tenantId, line, call);
        return false;
    }
}
