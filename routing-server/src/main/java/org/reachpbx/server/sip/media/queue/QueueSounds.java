package org.reachpbx.server.sip.media.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptNotFoundException;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaServices;

/**
 * The sounds a queue names (intro, playlist): the tenant's uploaded file of that name (as written,
 * or without folder and extension), else a built-in prompt of that name; the built-in music stands
 * in for a playlist none of whose files is uploaded. Reads the sound store: call off the SIP threads.
 */
final class QueueSounds {

    private QueueSounds() {
    }

    static Optional<Prompt> find(MediaServices services, long tenantId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String bare = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.(wav|mp3)$", "");
        Optional<Prompt> own = services.sounds().prompt(tenantId, name, 100)
                .or(() -> services.sounds().prompt(tenantId, bare, 100));
        if (own.isPresent()) {
            return own;
        }
        try {
            return Optional.of(services.library().get("nl", bare));
        } catch (PromptNotFoundException e) {
            return Optional.empty();
        }
    }

    /** QUE-30: the queue's playlist in random order (the built-in music when none of it is there). */
    static List<Prompt> shuffled(MediaServices services, long tenantId, List<String> playlist) {
        List<Prompt> out = new ArrayList<>();
        for (String name : playlist) {
            find(services, tenantId, name).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            out.add(services.library().get("moh", "default"));
        }
        Collections.shuffle(out);
        return out;
    }

    /** MOH-02: the account's playlist for a queue without files of its own. */
    static List<Prompt> account(MediaServices services, long tenantId) {
        return HoldMusic.playlistOf(services, tenantId);
    }
}
