package org.reachpbx.server.sip.media.menus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptNotFoundException;
import org.reachpbx.rules.decision.Collect;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A COLLECT decision on the phone: IVR menus (IVR-01–07), the extension chooser (EXC-01–03) and the
 * postal-code LBR (LBR-03). The menu's sound plays, the caller keys digits (during the sound too),
 * and the rules decide again with what was keyed; this class never interprets the digits itself.
 * Input ends as IVR-04 says: an option no other option extends, the maximum number of digits,
 * {@code #}, or the inter-digit timeout. A round without any key replays the sound; after
 * {@code pbx.media.menu-retries} silent rounds the call ends, unless the menu's own failover timer
 * (kept by the call, IVR-05) has taken it elsewhere first.
 */
public final class Menu implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(Menu.class);

    private final Collect collect;
    private final boolean afterInvalidInput;
    private Optional<Prompt> sound = Optional.empty();
    private int silentRounds;

    /**
     * @param afterInvalidInput the caller's last input here was not an option (IVR-06, EXC-03): say
     *                          so before the menu plays again
     */
    public Menu(Collect collect, boolean afterInvalidInput) {
        this.collect = collect;
        this.afterInvalidInput = afterInvalidInput;
    }

    @Override
    public void start(ServedCall call) {
        long tenant = call.leg().tenantId();
        call.background(() -> MenuSound.find(call.services(), tenant, collect.prompt()), found -> {
            if (found.isEmpty() && collect.prompt() != null) {
                log.info("Call {}: the sound '{}' of {} is missing; collecting digits without it",
                        call.leg().callId(), collect.prompt(), collect.resumeAt());
            }
            sound = found;
            List<Prompt> first = new ArrayList<>();
            if (afterInvalidInput) {
                first.add(prompt(call, "ivr-invalid-choice"));
            }
            sound.ifPresent(first::add);
            ask(call, first);
        });
    }

    private void ask(ServedCall call, List<Prompt> prompts) {
        MediaProperties props = call.services().properties();
        DigitSpec spec = new DigitSpec(Math.max(1, collect.maxDigits()), '#', props.getFirstDigit(),
                props.getInterDigit(), true, collect.choices());
        call.ask(prompts, spec, digits -> {
            if (!digits.isEmpty()) {
                log.debug("Call {}: keyed {} at {}", call.leg().callId(), digits, collect.resumeAt());
                call.leg().decideAgain(collect.resumeAt(), digits, collect.displayPrefix());
                return;
            }
            if (++silentRounds >= props.getMenuRetries()) {
                log.info("Call {}: nothing keyed at {} after {} rounds; released", call.leg().callId(),
                        collect.resumeAt(), silentRounds);
                call.play(List.of(prompt(call, "goodbye")), call::hangUp);
                return;
            }
            ask(call, sound.map(List::of).orElse(List.of()));
        });
    }

    private static Prompt prompt(ServedCall call, String name) {
        try {
            return call.prompts().get(name);
        } catch (PromptNotFoundException e) {
            return org.reachpbx.media.play.PromptLibrary.silence(200);
        }
    }
}
