package org.reachpbx.media;

/** Every RTP port pair of the configured range is in use. */
public class NoFreePortException extends RuntimeException {
    public NoFreePortException(String message) {
        super(message);
    }
}
