package org.reachpbx.media.engine;

import java.util.ArrayDeque;
import org.reachpbx.media.MediaConfig;
import org.reachpbx.media.NoFreePortException;

/**
 * The even RTP ports of the configured range (RTCP on the next odd one). Ports are handed out
 * round-robin (a port just given back goes to the end of the line), so late packets of an ended
 * call rarely reach the next call on the same port. Thread-safe.
 */
public final class PortPool {
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final int size;

    public PortPool(MediaConfig config) {
        for (int port = config.rtpPortMin(); port + 1 <= config.rtpPortMax(); port += 2) {
            free.add(port);
        }
        size = free.size();
    }

    /** The next free RTP port; {@link NoFreePortException} when all are in use. */
    public synchronized int take() {
        Integer port = free.poll();
        if (port == null) {
            throw new NoFreePortException("all " + size + " RTP port pairs are in use");
        }
        return port;
    }

    public synchronized void giveBack(int port) {
        free.add(port);
    }

    public synchronized int free() {
        return free.size();
    }

    public int size() {
        return size;
    }
}
