package org.reachpbx.server.sip.media;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.server.sip.media.services.AutoAnswer;
import org.reachpbx.server.sip.media.voicemail.LeaveMessage;
import org.reachpbx.server.sip.media.voicemail.MailboxMenu;
import org.reachpbx.server.sip.media.voicemail.Voicemail;
import org.reachpbx.server.sip.stack.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a MEDIA decision into the script that carries it out and answers the call with a media
 * session of the server. The rules decide which service; this class only maps the service to its
 * script. Services not built yet (AI, system codes without a registered script) return null: the B2BUA
 * then refuses the call with 480 saying which service was missing.
 */
public class MediaServices {

    private static final Logger log = LoggerFactory.getLogger(MediaServices.class);

    private final MediaEngine engine;
    private final MediaProperties properties;
    private final String address;
    private final SipServer sip;
    private final PromptLibrary prompts;
    private final Voicemail voicemail;
    private final TenantSounds sounds;
    private final MusicOnHold musicOnHold;
    private final AtomicLong anchoredDigits = new AtomicLong();
    /** Scripts of the system codes other than voicemail (901, 902, …), by code. */
    private final java.util.Map<String, java.util.function.Function<MediaService, MediaScript>> systemCodes =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.function.Function<MediaService, MediaScript>> systemCodePrefixes =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService background = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(5_000), r -> {
                Thread t = new Thread(r, "media-services");
                t.setDaemon(true);
                return t;
            });

    public MediaServices(MediaEngine engine, MediaProperties properties, String address, SipServer sip,
                         PromptLibrary prompts, Voicemail voicemail, TenantSounds sounds, MusicOnHold musicOnHold) {
        this.engine = engine;
        this.properties = properties;
        this.address = address;
        this.sip = sip;
        this.prompts = prompts;
        this.voicemail = voicemail;
        this.sounds = sounds;
        this.musicOnHold = musicOnHold;
    }

    /**
     * The caller of a bridged call stays while the other party leaves (a transfer by REFER): the
     * caller's session is taken back from the bridge and answered by the server again.
     */
    public ServedCall takeBack(CallerLeg leg, MediaAnchor anchor) {
        return ServedCall.takenBack(leg, this, anchor.releaseCaller());
    }

    /** The scripts of calls to a queue (QUE): set by the queue runtime; without it queues get 480. */
    private volatile java.util.function.Function<MediaService, MediaScript> queues;

    public void queues(java.util.function.Function<MediaService, MediaScript> script) {
        this.queues = script;
    }

    /** The caller's side of a bridge that was split (a transfer): the caller is answered already. */
    public ServedCall takeBack(CallerLeg leg, MediaAnchor.CallerSide side) {
        return ServedCall.takenBack(leg, this, side);
    }

    /** The script that serves system code {@code code} (SYSNUM-01), e.g. 901 log in. */
    public void systemCode(String code, java.util.function.Function<MediaService, MediaScript> script) {
        systemCodes.put(code, script);
    }

    /**
     * A system code that carries an argument after its prefix (930 + line, *8 + extension): the
     * longest registered prefix of the dialled code chooses the script.
     */
    public void systemCodePrefix(String prefix, java.util.function.Function<MediaService, MediaScript> script) {
        systemCodePrefixes.put(prefix, script);
    }

    private java.util.function.Function<MediaService, MediaScript> systemCode(String code) {
        java.util.function.Function<MediaService, MediaScript> exact = systemCodes.get(code);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String prefix : systemCodePrefixes.keySet()) {
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : systemCodePrefixes.get(best);
    }

    /** Music for a call one party puts on hold; null when none can be played (see {@link HoldMusic}). */
    public HoldMusic holdMusic(long tenantId, String callId) {
        return HoldMusic.open(this, tenantId, callId);
    }

    /**
     * Anchors a bridged call's media when its setting ({@code configured}: the caller channel's, else
     * the tenant's; null: {@code pbx.media.anchor-media}) is {@code ALWAYS}; else null.
     */
    public MediaAnchor anchor(long tenantId, AnchorMedia configured, String callId, byte[] callerOffer) {
        AnchorMedia setting = configured != null ? configured : properties.getAnchorMedia();
        return setting == AnchorMedia.ALWAYS ? MediaAnchor.open(this, tenantId, callId, callerOffer) : null;
    }

    /** RFC 4733 digits the server saw going through anchored calls (the ## codes will read them). */
    public AtomicLong anchoredDigits() {
        return anchoredDigits;
    }

    MusicOnHold musicOnHold() {
        return musicOnHold;
    }

    public MediaEngine engine() {
        return engine;
    }

    /** The call answered by the right script, or null when no script serves this decision (yet). */
    public ServedCall serve(CallerLeg leg, MediaService service) {
        MediaScript script = scriptFor(leg, service);
        return script == null ? null : serve(leg, script);
    }

    /** The call to be answered by {@code script}; null when no RTP ports are free. */
    public ServedCall serve(CallerLeg leg, MediaScript script) {
        MediaSession session;
        try {
            session = engine.open();
        } catch (NoFreePortException e) {
            log.warn("Call {}: no free RTP port for the media service: {}", leg.callId(), e.getMessage());
            return null;
        }
        return new ServedCall(leg, this, script, session);
    }

    /** The script that carries out {@code service}, or null when none is built for it. */
    public MediaScript scriptFor(CallerLeg leg, MediaService service) {
        String code = service.code();
        return switch (service.kind()) {
            case VOICEMAIL -> new LeaveMessage(service.extension(), service.settings());
            case PERSONAL_VOICEMAIL -> "1233".equals(code) ? MailboxMenu.ownBox(service.extension())
                    : new LeaveMessage(service.extension(), service.settings());
            case AUTO_ANSWER -> new AutoAnswer(service.settings() == null ? null : service.settings().get("sound"));
            case SYSTEM_SERVICE, SYSTEM_CODE -> "920".equals(code) ? MailboxMenu.anyVoicemailExtension()
                    : code == null || systemCode(code) == null ? null : systemCode(code).apply(service);
            case QUEUE -> queues == null ? null : queues.apply(service);
            default -> null;
        };
    }

    /** What a caller hears while the server rings someone for them: the Dutch ringback, 1 s of 425 Hz in 5 s. */
    public List<Prompt> ringback() {
        return RINGBACK;
    }

    private static final List<Prompt> RINGBACK = List.of(PromptLibrary.tone(425, 1000), PromptLibrary.silence(4000));

    public Prompts prompts(Language language) {
        return new Prompts(prompts, language);
    }

    public PromptLibrary library() {
        return prompts;
    }

    public Voicemail voicemail() {
        return voicemail;
    }

    public TenantSounds sounds() {
        return sounds;
    }

    public MediaProperties properties() {
        return properties;
    }

    public List<Codec> codecs() {
        return properties.getCodecs();
    }

    public String address() {
        return address;
    }

    public SipServer sip() {
        return sip;
    }

    public int activeSessions() {
        return engine.activeSessions();
    }

    /** Runs {@code task} on the media services' worker threads (database work, reaching another call). */
    public void background(Runnable task) {
        background.execute(task);
    }

    public void shutdown() {
        background.shutdownNow();
    }
}
