package org.reachpbx.server.sip.media.menus;

import java.util.Optional;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptNotFoundException;
import org.reachpbx.server.sip.media.MediaServices;

/**
 * The sound a menu names ({@code prompts/700-hoofdmenu.wav}, {@code hoofdmenu}): the tenant's
 * uploaded sound of that name (as written, or without folder and extension), else a built-in
 * prompt of that name. Runs off the call's threads (it reads the sound store).
 */
final class MenuSound {

    private MenuSound() {
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
}
