package org.reachpbx.server.sip.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.sdp.Direction;
import org.reachpbx.media.sdp.SdpAnswer;
import org.reachpbx.media.sdp.SdpNegotiator;
import org.reachpbx.media.sdp.SdpNotAcceptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Music on hold (MOH-01/03): while one party holds the call, the other hears the account's playlist
 * from a media session of the server. The B2BUA re-INVITEs the held party with {@link #offer()}
 * (sendonly, our address) instead of the holder's hold SDP; its answer connects the session, which
 * plays the playlist in order, each file at its volume, looping. Resume relays the holder's new SDP
 * as usual and {@link #stop()} frees the session.
 * <p>
 * An empty playlist is silence (the manual); a playlist none of whose files is uploaded plays the
 * built-in music, so a fresh demo is not silent.
 */
public final class HoldMusic {

    private static final Logger log = LoggerFactory.getLogger(HoldMusic.class);

    private final MediaServices services;
    private final long tenantId;
    private final String callId;
    private final MediaSession session;
    private final SdpNegotiator sdp = new SdpNegotiator();

    private HoldMusic(MediaServices services, long tenantId, String callId, MediaSession session) {
        this.services = services;
        this.tenantId = tenantId;
        this.callId = callId;
        this.session = session;
    }

    /** A music session for a held call, or null when no port is free (the hold is then relayed as is). */
    public static HoldMusic open(MediaServices services, long tenantId, String callId) {
        try {
            return new HoldMusic(services, tenantId, callId, services.engine().open());
        } catch (NoFreePortException e) {
            log.warn("Call {}: no free RTP port for music on hold: {}", callId, e.getMessage());
            return null;
        }
    }

    /** Whether an SDP puts the call on hold: sendonly or inactive, or the old c=0.0.0.0. */
    public static boolean isHold(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try {
            return new SdpNegotiator().parse(new String(body, StandardCharsets.UTF_8)).onHold();
        } catch (SdpNotAcceptable e) {
            return false;
        }
    }

    /** Our offer to the held party: we send, it listens. */
    public String offer() {
        return sdp.offer(services.codecs(), services.address(), session.rtpPort(), Direction.SENDONLY,
                SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT);
    }

    /** The held party's answer: connect and start the playlist (loaded off the SIP threads). */
    public void answered(byte[] answer) {
        SdpAnswer a;
        try {
            a = sdp.acceptAnswer(new String(answer, StandardCharsets.UTF_8), services.codecs(), Direction.SENDONLY);
        } catch (SdpNotAcceptable e) {
            log.info("Call {}: the held party's answer is not usable for music: {}", callId, e.getMessage());
            return;
        }
        session.connect(a.remote(), a.codec(), a.telephoneEventPt());
        session.setSending(true);
        services.background(() -> {
            List<Prompt> playlist = playlistOf(services, tenantId);
            if (!playlist.isEmpty()) {
                session.play(playlist, true, () -> { });
            }
        });
    }

    /** The account's playlist as prompts (see the class comment for empty and not-uploaded lists). */
    public static List<Prompt> playlistOf(MediaServices services, long tenantId) {
        List<MusicOnHold.Entry> entries = services.musicOnHold().playlist(tenantId);
        List<Prompt> prompts = new ArrayList<>();
        for (MusicOnHold.Entry e : entries) {
            services.sounds().prompt(tenantId, e.file(), e.volume()).ifPresent(prompts::add);
        }
        if (prompts.isEmpty() && !entries.isEmpty()) {
            prompts.add(services.library().get("moh", "default"));
        }
        return prompts;
    }

    /** The call is resumed or over. */
    public void stop() {
        session.close();
    }
}
