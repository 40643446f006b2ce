package org.reachpbx.media;

import org.reachpbx.media.relay.Mixer;

/**
 * The media plane of one server: a port range, a few threads reading all RTP sockets, one media
 * clock sending every session's next frame every 20 ms, and an event thread for callbacks.
 */
public interface MediaEngine extends AutoCloseable {

    /** Opens a session on the next free even port pair; throws {@link NoFreePortException} when the range is used up. */
    MediaSession open();

    /** A new, empty conference of this engine's sessions (three-way calls, listen-in); close it when done. */
    Mixer newMixer();

    int activeSessions();

    int freePortPairs();

    @Override
    void close();
}
