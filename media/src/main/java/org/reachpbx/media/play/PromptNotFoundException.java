package org.reachpbx.media.play;

/** A prompt that is in neither the asked language nor the fallback language, or that cannot be read. */
public class PromptNotFoundException extends RuntimeException {
    public PromptNotFoundException(String message) {
        super(message);
    }

    public PromptNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
