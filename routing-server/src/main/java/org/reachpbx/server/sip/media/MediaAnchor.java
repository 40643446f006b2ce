package org.reachpbx.server.sip.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 * The server in the media path of a bridged call ({@code pbx.media.anchor-media: always}): one media
 * session faces the caller, one the called party, and the relay between them forwards RTP and RFC
 * 4733 events (transcoding only when the two legs use different codecs). Each side sees only the
 * server's address, so phones behind NAT, {@code ##} codes sent as RTP events, recording and
 * listen-in have the audio at hand. A re-INVITE from either side is answered here (new address,
 * codec or hold) without disturbing the other leg; hold plays the music to the held party.
 */
public final class MediaAnchor {

    private static final Logger log = LoggerFactory.getLogger(MediaAnchor.class);

    private final MediaServices services;
    private final long tenantId;
    private final String callId;
    private final String callerOffer;
    private final MediaSession callerSide;
    private final MediaSession calleeSide;
    private final SdpNegotiator callerSdp;
    private final SdpNegotiator calleeSdp;
    private String answerToCaller;
    private boolean musicToCallee;
    private boolean musicToCaller;
    /** False once the call ended or a transfer took the two sessions apart. */
    private boolean bridged = true;
    /** Who must know when the bridge ends (a listening supervisor's mixer, LSN). */
    private final List<Runnable> whenUnbridged = new java.util.ArrayList<>();

    private MediaAnchor(MediaServices services, long tenantId, String callId, String callerOffer,
                        MediaSession callerSide, MediaSession calleeSide) {
        this(services, tenantId, callId, callerOffer, callerSide, new SdpNegotiator(), calleeSide, new SdpNegotiator());
    }

    private MediaAnchor(MediaServices services, long tenantId, String callId, String callerOffer,
                        MediaSession callerSide, SdpNegotiator callerSdp, MediaSession calleeSide,
                        SdpNegotiator calleeSdp) {
        this.callerSdp = callerSdp;
        this.calleeSdp = calleeSdp;
        this.services = services;
        this.tenantId = tenantId;
        this.callId = callId;
        this.callerOffer = callerOffer;
        this.callerSide = callerSide;
        this.calleeSide = calleeSide;
        AtomicLong seen = services.anchoredDigits();
        callerSide.onDigit(d -> seen.incrementAndGet());
        calleeSide.onDigit(d -> seen.incrementAndGet());
    }

    /**
     * Anchors a call whose caller offered {@code offer}; null (the SDP then passes end to end) when the
     * offer is unusable or no ports are free.
     */
    public static MediaAnchor open(MediaServices services, long tenantId, String callId, byte[] offer) {
        if (offer == null || offer.length == 0) {
            return null; // late offer: passed through (docs/media.md, limits)
        }
        String text = new String(offer, StandardCharsets.UTF_8);
        try {
            new SdpNegotiator().answer(text, services.codecs(), services.address(), 0, Direction.SENDRECV);
        } catch (SdpNotAcceptable e) {
            return null; // the called party may still understand it: not ours to refuse
        }
        MediaSession a;
        try {
            a = services.engine().open();
        } catch (NoFreePortException e) {
            log.warn("Call {}: no free RTP ports to anchor the media; passed end to end", callId);
            return null;
        }
        try {
            return new MediaAnchor(services, tenantId, callId, text, a, services.engine().open());
        } catch (NoFreePortException e) {
            a.close();
            log.warn("Call {}: no free RTP ports to anchor the media; passed end to end", callId);
            return null;
        }
    }

    /**
     * A caller the server answered itself (a menu ran) and a called party that answered the
     * server's offer: both sessions are connected already and are bridged now. Re-INVITEs, hold
     * and closing then work as for any anchored call.
     */
    static MediaAnchor bridged(MediaServices services, long tenantId, String callId, MediaSession callerSide,
                               SdpNegotiator callerSdp, MediaSession calleeSide, SdpNegotiator calleeSdp) {
        MediaAnchor anchor = new MediaAnchor(services, tenantId, callId, null, callerSide, callerSdp, calleeSide,
                calleeSdp);
        anchor.answerToCaller = "";
        callerSide.bridge(calleeSide);
        return anchor;
    }

    /** The offer the called legs get: our address on their side, every codec we speak. */
    public String offerToCallee() {
        return calleeSdp.offer(services.codecs(), services.address(), calleeSide.rtpPort(), Direction.SENDRECV,
                SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT);
    }

    /**
     * The called party's answer (in a 183 or the 200): its side is connected, the caller gets our
     * answer (always the same one: the first answer in a dialog counts) and the two are bridged.
     *
     * @throws SdpNotAcceptable when the answer has none of our codecs
     */
    public String calleeAnswered(byte[] answer) {
        SdpAnswer b = calleeSdp.acceptAnswer(new String(answer, StandardCharsets.UTF_8), services.codecs(),
                Direction.SENDRECV);
        calleeSide.connect(b.remote(), b.codec(), b.telephoneEventPt());
        calleeSide.setSending(b.weSend());
        if (answerToCaller == null) {
            SdpAnswer a = callerSdp.answer(callerOffer, services.codecs(), services.address(), callerSide.rtpPort(),
                    Direction.SENDRECV);
            callerSide.connect(a.remote(), a.codec(), a.telephoneEventPt());
            callerSide.setSending(a.weSend());
            callerSide.bridge(calleeSide);
            answerToCaller = a.sdp();
        }
        return answerToCaller;
    }

    /**
     * A re-INVITE's offer from one side, answered by the server: that side's session follows the
     * new address or codec; hold (sendonly/inactive) plays the music to the other side until resume.
     *
     * @throws SdpNotAcceptable when the new offer has no usable audio (the old session stays)
     */
    public String reoffer(boolean fromCaller, byte[] offer) {
        MediaSession side = fromCaller ? callerSide : calleeSide;
        SdpNegotiator sdp = fromCaller ? callerSdp : calleeSdp;
        SdpAnswer answer = sdp.answer(new String(offer, StandardCharsets.UTF_8), services.codecs(),
                services.address(), side.rtpPort(), Direction.SENDRECV);
        side.connect(answer.remote(), answer.codec(), answer.telephoneEventPt());
        side.setSending(answer.weSend());
        boolean hold = answer.remoteDirection() == Direction.SENDONLY || answer.remoteDirection() == Direction.INACTIVE;
        MediaSession other = fromCaller ? calleeSide : callerSide;
        if (hold && !(fromCaller ? musicToCallee : musicToCaller)) {
            setMusic(fromCaller, true);
            services.background(() -> {
                List<Prompt> playlist = HoldMusic.playlistOf(services, tenantId);
                if (!playlist.isEmpty()) {
                    other.play(playlist, true, () -> { });
                }
            });
        } else if (!hold && (fromCaller ? musicToCallee : musicToCaller)) {
            setMusic(fromCaller, false);
            other.stopPlaying();
        }
        return answer.sdp();
    }

    private void setMusic(boolean toCallee, boolean on) {
        if (toCallee) {
            musicToCallee = on;
        } else {
            musicToCaller = on;
        }
    }

    /** The caller's session and its SDP state, when a bridge ends and the caller stays. */
    public record CallerSide(MediaSession session, SdpNegotiator sdp) {
    }

    /** Ends the bridge while the caller stays (a transfer): the callee's side is closed. */
    CallerSide releaseCaller() {
        unbridged();
        callerSide.bridge(null);
        callerSide.stopPlaying();
        calleeSide.close();
        return new CallerSide(callerSide, callerSdp);
    }

    /**
     * Records what each party sends (REC-01) until the anchor closes: {@code done} gets the caller's
     * and the called party's recordings (8 kHz mono WAV each, tick-aligned) once both are over.
     */
    public void record(java.time.Duration maxLength,
                       java.util.function.BiConsumer<org.reachpbx.media.record.Recording, org.reachpbx.media.record.Recording> done) {
        org.reachpbx.media.record.RecordSpec spec = new org.reachpbx.media.record.RecordSpec(maxLength, null, (char) 0);
        org.reachpbx.media.record.Recording[] halves = new org.reachpbx.media.record.Recording[3];
        Runnable bothOver = () -> {
            synchronized (halves) {
                if (halves[0] != null && halves[1] != null && halves[2] == null) {
                    halves[2] = halves[0]; // delivered: once only
                    done.accept(halves[0], halves[1]);
                }
            }
        };
        callerSide.record(spec, r -> {
            synchronized (halves) {
                halves[0] = r;
            }
            bothOver.run();
        });
        calleeSide.record(spec, r -> {
            synchronized (halves) {
                halves[1] = r;
            }
            bothOver.run();
        });
    }

    /** Both sides of a bridge that was split: the caller stays, the callee's session is the transferor's. */
    public record Split(CallerSide caller, MediaSession callee) {
    }

    /**
     * Ends the bridge while both sessions stay (a transfer by the called party: the caller is routed
     * on, the transferor may still hear an announcement); whoever takes the callee's session closes it.
     */
    public Split split() {
        unbridged();
        callerSide.bridge(null);
        callerSide.stopPlaying();
        calleeSide.stopPlaying();
        return new Split(new CallerSide(callerSide, callerSdp), calleeSide);
    }

    /** Every digit one side sends (RFC 4733 or in-band), for the in-call codes (GEN-06). */
    public void onDigit(boolean caller, java.util.function.Consumer<Character> listener) {
        (caller ? callerSide : calleeSide).onDigit(listener);
    }

    /**
     * Ends the bridge while the anchor stays (an attended transfer): the side that stays is returned
     * to be bridged to another call's party, its music stops; the leaving side's session idles until
     * the anchor closes. Re-INVITEs of the staying side are still answered here.
     */
    public MediaSession keep(boolean caller) {
        unbridged();
        callerSide.bridge(null);
        callerSide.stopPlaying();
        calleeSide.stopPlaying();
        musicToCallee = false;
        musicToCaller = false;
        return caller ? callerSide : calleeSide;
    }

    /**
     * GEN-06: a user holds by code or consults ({@code ##}): the two parties stop hearing each other
     * while both sessions stay in the anchor. Whoever needed the bridge (a listening supervisor) is
     * told, as at its end.
     */
    public void pause() {
        unbridged();
        callerSide.bridge(null);
    }

    /**
     * GEN-06: the two parties talk again after a hold by code or a consultation ({@code *#}): what
     * either hears stops and the bridge is made again. The anchor's sessions never left it.
     */
    public void resume() {
        synchronized (this) {
            bridged = true;
        }
        callerSide.stopPlaying();
        calleeSide.stopPlaying();
        callerSide.bridge(calleeSide);
    }

    /** The session facing the caller ({@code true}) or the called party, e.g. to listen in on them (LSN). */
    public MediaSession side(boolean caller) {
        return caller ? callerSide : calleeSide;
    }

    /** Whether the two parties are still this anchor's bridge (not ended, not split by a transfer). */
    public synchronized boolean bridged() {
        return bridged;
    }

    /**
     * Runs {@code task} once when the bridge ends (the call ends or a transfer takes the parties
     * apart), before the sessions change; at once when it has ended already. {@code task} runs on
     * the call's thread under its lock: it must be short and take no other call's lock.
     */
    public void whenUnbridged(Runnable task) {
        synchronized (this) {
            if (bridged) {
                whenUnbridged.add(task);
                return;
            }
        }
        task.run();
    }

    private void unbridged() {
        List<Runnable> tasks;
        synchronized (this) {
            if (!bridged) {
                return;
            }
            bridged = false;
            tasks = List.copyOf(whenUnbridged);
            whenUnbridged.clear();
        }
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Call {}: a task at the end of the bridge failed: {}", callId, e.toString());
            }
        }
    }

    public void close() {
        unbridged();
        callerSide.close();
        calleeSide.close();
        log.debug("Call {}: anchored media closed", callId);
    }
}
