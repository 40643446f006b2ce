package org.reachpbx.integrations;

/** Input that cannot be used as it is, such as a WAV that is not 8 kHz (REST: 400). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
