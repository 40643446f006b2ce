package org.reachpbx.server.sip.media;

import java.util.Optional;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.play.PromptNotFoundException;

/**
 * A tenant's own sound files (SND, MOH: uploaded and converted to 8 kHz WAV once, at upload), by the
 * name the configuration uses: greetings, auto-answer messages, the music-on-hold playlist.
 */
public interface TenantSounds {

    /** The converted WAV of the tenant's sound {@code name}, if uploaded. */
    Optional<byte[]> wav(long tenantId, String name);

    /** The sound as a prompt at {@code volumePercent}; empty when missing or unreadable. */
    default Optional<Prompt> prompt(long tenantId, String name, int volumePercent) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return wav(tenantId, name).flatMap(bytes -> {
            try {
                return Optional.of(PromptLibrary.fromWav(name, bytes, volumePercent));
            } catch (PromptNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** No uploaded sounds (tests, and a server without the sound store). */
    TenantSounds NONE = (tenantId, name) -> Optional.empty();
}
