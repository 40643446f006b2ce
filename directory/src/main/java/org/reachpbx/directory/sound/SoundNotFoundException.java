package org.reachpbx.directory.sound;

/** No such tenant, or the tenant has no sound file of that name (REST: 404). */
public class SoundNotFoundException extends RuntimeException {
    public SoundNotFoundException(String message) {
        super(message);
    }
}
