package org.reachpbx.server.sip.media.services;

import java.util.List;
import java.util.Optional;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptNotFoundException;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-answer (AA-01/02): answer, play the welcome message once, hang up. Callers cannot leave a
 * message. Without a sound file (or when it is missing) the call is answered and released at once.
 * The sound is the tenant's uploaded file of that name, else a built-in prompt of that name.
 */
public final class AutoAnswer implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(AutoAnswer.class);

    private final String sound;

    public AutoAnswer(String sound) {
        this.sound = sound == null || sound.isBlank() ? null : sound;
    }

    @Override
    public void start(ServedCall call) {
        if (sound == null) {
            call.hangUp();
            return;
        }
        long tenant = call.leg().tenantId();
        call.background(() -> call.services().sounds().prompt(tenant, sound, 100).or(() -> builtIn(call)), message -> {
            if (message.isEmpty()) {
                log.info("Call {}: auto-answer sound '{}' not found; released at once", call.leg().callId(), sound);
                call.hangUp();
                return;
            }
            call.play(List.of(message.get()), call::hangUp);
        });
    }

    private Optional<Prompt> builtIn(ServedCall call) {
        try {
            return Optional.of(call.services().library().get("nl", sound));
        } catch (PromptNotFoundException e) {
            return Optional.empty();
        }
    }
}
