package org.reachpbx.media;

/**
 * The media plane of one server: a port range, a few threads reading all RTP sockets, one media
 * clock sending every session's next frame every 20 ms, and an event thread for callbacks.
 */
public interface MediaEngine extends AutoCloseable {

    /** Opens a session on the next free even port pair; throws {@link NoFreePortException} when the range is used up. */
    MediaSession open();

    int activeSessions();

    int freePortPairs();

    @Override
    void close();
}
