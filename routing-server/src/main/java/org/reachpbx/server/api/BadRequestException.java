package org.reachpbx.server.api;

/** A request that cannot be used as it is: answered with 400 and the reason. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
