package org.reachpbx.directory.sound;

import java.util.List;

/** A sound file that the tenant configuration still refers to cannot be deleted (REST: 409). */
public class SoundInUseException extends RuntimeException {

    private final List<String> references;

    public SoundInUseException(String name, List<String> references) {
        super("the sound file " + name + " is still used by " + String.join(", ", references)
                + "; remove it there first");
        this.references = List.copyOf(references);
    }

    /** The YAML paths of the configuration that refer to the file ({@code musicOnHold[0].file}, ...). */
    public List<String> getReferences() {
        return references;
    }
}
