package org.reachpbx.server.sip.media.voicemail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reachpbx.integrations.voicemail.Box;
import org.reachpbx.integrations.voicemail.VoicemailDeposit.Deposit;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaving a message (VM-02, VM-07): the box's greeting, a tone, then a recording ended by hang-up,
 * silence, {@code #} or the maximum length. The message is stored through the voicemail store, so
 * e-mail, SMS, message waiting and the CRM event follow. A caller who hangs up during the greeting,
 * or leaves less sound than {@code pbx.media.min-message}, leaves no message.
 * <p>
 * The greeting is, in this order: the one the owner recorded by phone; the voicemail extension's
 * configured greeting (a tenant sound, VM-02); the default prompt in the box's language.
 */
public final class LeaveMessage implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(LeaveMessage.class);

    private final String boxNumber;
    private final Map<String, String> settings;
    private boolean recording;

    public LeaveMessage(String boxNumber, Map<String, String> settings) {
        this.boxNumber = boxNumber;
        this.settings = settings == null ? Map.of() : settings;
    }

    /** What the greeting step needs, loaded off the call's threads. */
    private record Greeting(Box box, Prompt own) {
    }

    @Override
    public void start(ServedCall call) {
        long tenant = call.leg().tenantId();
        Voicemail vm = call.services().voicemail();
        call.background(() -> {
            Optional<Box> box = vm.boxes().find(tenant, boxNumber);
            if (box.isEmpty()) {
                return null;
            }
            Prompt own = vm.mailbox().greeting(tenant, boxNumber)
                    .map(wav -> PromptLibrary.fromWav("greeting-" + boxNumber, wav, 100))
                    .or(() -> call.services().sounds().prompt(tenant, settings.get("greeting"), 100))
                    .orElse(null);
            return new Greeting(box.get(), own);
        }, greeting -> {
            if (greeting == null) {
                log.warn("Call {}: voicemail box {} does not exist; hanging up", call.leg().callId(), boxNumber);
                Prompts p = call.services().prompts(null);
                call.play(p.of("service-unavailable"), call::hangUp);
                return;
            }
            Prompts p = call.services().prompts(greeting.box().language());
            Prompt first = greeting.own() != null ? greeting.own() : p.get("vm-greeting-default");
            call.play(List.of(first, p.beep()), () -> record(call, greeting.box(), p));
        });
    }

    private void record(ServedCall call, Box box, Prompts p) {
        MediaProperties props = call.services().properties();
        recording = true;
        Duration keep = props.getMessageTrailingSilence();
        call.record(new RecordSpec(props.getMaxMessage(), props.getMessageSilence(), '#',
                        keep == null || keep.isNegative() ? null : keep),
                message -> stored(call, box, p, message));
    }

    private void stored(ServedCall call, Box box, Prompts p, Recording message) {
        recording = false;
        MediaProperties props = call.services().properties();
        if (message.voiced().compareTo(props.getMinMessage()) < 0) {
            log.debug("Call {}: {} of sound for box {}: no message kept", call.leg().callId(), message.voiced(),
                    box.number());
            finish(call, p, "vm-goodbye");
            return;
        }
        Deposit deposit = new Deposit(box.tenantId(), box.number(), call.leg().callerNumber(), call.leg().callerName(),
                call.leg().callId(), null, message.wav());
        call.background(() -> call.services().voicemail().deposit().deposit(deposit),
                saved -> finish(call, p, "vm-message-saved"));
    }

    /** Says goodbye when the caller is still there; otherwise frees the session kept for the recording. */
    private void finish(ServedCall call, Prompts p, String prompt) {
        if (call.over()) {
            call.release();
        } else {
            call.play(p.of(prompt), call::hangUp);
        }
    }

    @Override
    public boolean callerHungUp(ServedCall call) {
        if (!recording) {
            return false;
        }
        call.media().stopRecording();
        return true;
    }
}
