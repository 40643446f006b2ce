package org.reachpbx.server.sip.media.services;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 905, recording a sound by phone (SND-01): after the tone the caller speaks, {@code #} saves it
 * into the tenant's sound list as {@code 905/<extension>-<date>-<time>.wav} (the admin UI's sound
 * list shows it; it can then be chosen as a greeting or menu sound). Hanging up before {@code #}
 * or leaving no sound saves nothing.
 */
public final class SoundRecording implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(SoundRecording.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Where a recording goes: the tenant's sound list. */
    @FunctionalInterface
    public interface Store {
        void save(long tenantId, String name, byte[] wav);
    }

    private final Store store;
    private final Clock clock;

    public SoundRecording(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void start(ServedCall call) {
        Prompts p = call.prompts();
        call.play(java.util.List.of(p.get("record-after-tone"), p.beep()), () -> record(call, p));
    }

    private void record(ServedCall call, Prompts p) {
        MediaProperties props = call.services().properties();
        Duration keep = props.getMessageTrailingSilence();
        call.record(new RecordSpec(props.getMaxMessage(), props.getMessageSilence(), '#',
                keep == null || keep.isNegative() ? null : keep), recording -> saved(call, p, recording));
    }

    private void saved(ServedCall call, Prompts p, Recording recording) {
        if (call.over()) {
            return; // hung up before #: nothing is saved (the session is already closed)
        }
        if (recording.voiced().compareTo(call.services().properties().getMinMessage()) < 0) {
            call.play(p.of("goodbye"), call::hangUp);
            return;
        }
        long tenant = call.leg().tenantId();
        String who = call.leg().callerUser() != null ? call.leg().callerUser() : "extern";
        String name = "905/" + who + "-" + ZonedDateTime.now(clock.withZone(call.leg().view().zone())).format(STAMP)
                + ".wav";
        call.background(() -> {
            store.save(tenant, name, recording.wav());
            return name;
        }, stored -> {
            log.info("Call {}: 905 recording of {} saved as {}", call.leg().callId(), recording.length(), stored);
            call.play(p.of("recording-saved"), call::hangUp);
        });
    }
}
