package org.reachpbx.server.sip.media;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.sdp.Direction;
import org.reachpbx.media.sdp.SdpAnswer;
import org.reachpbx.media.sdp.SdpNegotiator;
import org.reachpbx.media.sdp.SdpNotAcceptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the server answered itself to run a {@link MediaScript}: the SDP offer/answer of the
 * caller's leg (offer in the INVITE, or late offer answered in the ACK; re-INVITEs for hold and new
 * addresses), digits sent by SIP INFO, and the media session's life. Callbacks from the media engine
 * come back under the call's lock; after the caller hung up no new prompt or collection starts.
 */
public final class ServedCall {

    private static final Logger log = LoggerFactory.getLogger(ServedCall.class);

    private final CallerLeg leg;
    private final MediaServices services;
    private MediaScript script;
    private final MediaSession session;
    private final SdpNegotiator sdp;
    /** Counts the scripts run on this call: a callback of a script that was replaced is dropped. */
    private int generation;
    private boolean awaitingAnswer;
    private boolean started;
    private boolean over;
    private boolean closed;
    /** The language of an outside caller who identified as a user (null: the leg's language). */
    private org.reachpbx.rules.vocabulary.Language identifiedLanguage;
    /** Where a called party is connected after a menu (the caller stays answered by the server). */
    private CalleeSide callee;

    ServedCall(CallerLeg leg, MediaServices services, MediaScript script, MediaSession session) {
        this(leg, services, script, session, new SdpNegotiator());
    }

    private ServedCall(CallerLeg leg, MediaServices services, MediaScript script, MediaSession session,
                       SdpNegotiator sdp) {
        this.leg = leg;
        this.services = services;
        this.script = script;
        this.session = session;
        this.sdp = sdp;
        session.listenForTones(ChannelDtmf.toneListening(leg.dtmfMode()));
    }

    /**
     * The caller's side of a bridge that ended while the caller stays (a transfer: the other party
     * left): the caller is answered already; what the call does next runs on this session.
     */
    static ServedCall takenBack(CallerLeg leg, MediaServices services, MediaAnchor.CallerSide side) {
        ServedCall call = new ServedCall(leg, services, null, side.session(), side.sdp());
        call.started = true;
        return call;
    }

    // ---- SIP of the caller's leg (called by the B2BUA under the call's lock) ----

    /** Answers the caller with our SDP; with an offer the script starts at once, with a late offer after the ACK. */
    public void answer() {
        String offer = leg.offer();
        if (offer == null) {
            awaitingAnswer = true;
            leg.answer(sdp.offer(services.codecs(), services.address(), session.rtpPort(), Direction.SENDRECV,
                    SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT));
            return;
        }
        SdpAnswer answer;
        try {
            answer = sdp.answer(offer, services.codecs(), services.address(), session.rtpPort(), Direction.SENDRECV);
        } catch (SdpNotAcceptable e) {
            log.info("Call {}: offer not acceptable for the media service: {}", leg.callId(), e.getMessage());
            close();
            leg.refuse(Response.NOT_ACCEPTABLE_HERE, e.getMessage());
            return;
        }
        connect(answer);
        leg.answer(answer.sdp());
        start();
    }

    /** The caller's ACK; with a late offer it carries the answer to our offer. */
    public void ack(Request ack) {
        if (!awaitingAnswer) {
            return;
        }
        awaitingAnswer = false;
        byte[] body = ack.getRawContent();
        try {
            if (body == null || body.length == 0) {
                throw new SdpNotAcceptable("the ACK carries no SDP answer");
            }
            connect(sdp.acceptAnswer(new String(body, StandardCharsets.UTF_8), services.codecs(), Direction.SENDRECV));
        } catch (SdpNotAcceptable e) {
            log.info("Call {}: answer in the ACK not usable: {}; hanging up", leg.callId(), e.getMessage());
            hangUp();
            return;
        }
        start();
    }

    /** A request of the caller inside the dialog: re-INVITE (hold, new address or codec), INFO (digits), others. */
    public void inDialog(ServerTransaction st) {
        Request in = st.getRequest();
        try {
            Response r;
            if (Request.INVITE.equals(in.getMethod()) || Request.UPDATE.equals(in.getMethod())) {
                r = reOffer(in);
            } else if (Request.INFO.equals(in.getMethod())) {
                SignalledDigits.of(in).ifPresent(session::digitFromSignalling);
                r = services.sip().messages().createResponse(Response.OK, in);
            } else {
                r = services.sip().messages().createResponse(Response.OK, in);
            }
            st.sendResponse(r);
        } catch (Exception e) {
            log.info("Call {}: {} not handled: {}", leg.callId(), in.getMethod(), e.toString());
        }
    }

    private Response reOffer(Request in) throws Exception {
        byte[] body = in.getRawContent();
        if (body == null || body.length == 0) {
            Response ok = services.sip().messages().createResponse(Response.OK, in);
            if (Request.INVITE.equals(in.getMethod())) {
                awaitingAnswer = true;
                ok.setContent(sdp.offer(services.codecs(), services.address(), session.rtpPort(), Direction.SENDRECV,
                        SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT), sdpType());
            }
            return ok;
        }
        SdpAnswer answer;
        try {
            answer = sdp.answer(new String(body, StandardCharsets.UTF_8), services.codecs(), services.address(),
                    session.rtpPort(), Direction.SENDRECV);
        } catch (SdpNotAcceptable e) {
            // The old session stays as it was (RFC 3264 §8): refuse only the change.
            return services.sip().messages().createResponse(Response.NOT_ACCEPTABLE_HERE, in);
        }
        connect(answer);
        Response ok = services.sip().messages().createResponse(Response.OK, in);
        ok.addHeader(services.sip().contactHeader(((javax.sip.header.ViaHeader) in.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport()));
        ok.setContent(answer.sdp(), sdpType());
        return ok;
    }

    private ContentTypeHeader sdpType() throws Exception {
        return services.sip().headers().createContentTypeHeader("application", "sdp");
    }

    private void connect(SdpAnswer answer) {
        InetSocketAddress remote = answer.remote();
        session.connect(remote, answer.codec(), answer.telephoneEventPt());
        session.setSending(answer.weSend());
    }

    /**
     * The next service on the same answered call (a menu's choice, a continuation after nobody
     * answered): what the previous script was doing stops, its late callbacks are dropped.
     */
    public void run(MediaScript next) {
        if (over) {
            return;
        }
        quiet();
        closeCallee();
        script = next;
        if (!awaitingAnswer) {
            started = true;
            next.start(this);
        }
    }

    /**
     * The offer for legs rung after a menu: the server's own address on their side (one session
     * for all of them; the first to answer is bridged to the caller). The caller hears ringback
     * meanwhile, as a phone would before the callee answers.
     */
    public String offerToCallee() {
        if (callee == null) {
            callee = CalleeSide.open(services);
            quiet();
            session.play(services.ringback(), true, () -> { });
        }
        return callee == null ? null : callee.offer();
    }

    /**
     * Opens the side for legs rung while the caller keeps hearing what the script plays (a queue's
     * music while agents ring, QUE-30); {@link #offerToCallee()} then gives its offer.
     */
    public void openCalleeKeepingSound() {
        if (callee == null && !over) {
            callee = CalleeSide.open(services);
        }
    }

    /**
     * The called party answered with {@code answerSdp}: the caller's session and the callee's are
     * bridged through a {@link MediaAnchor} that now owns both (hold, re-INVITEs, closing); this
     * call is done. Null when the answer is not usable (the leg is then hung up, the call goes on).
     */
    public MediaAnchor bridgeTo(byte[] answerSdp) {
        if (callee == null || answerSdp == null) {
            return null;
        }
        MediaAnchor anchor = callee.bridge(answerSdp, leg, session, sdp);
        if (anchor != null) {
            quiet();
            callee = null;
            closed = true; // the anchor closes the sessions now
            over = true;
        }
        return anchor;
    }

    /** Nobody of the rung legs answered: their session goes back, the caller's stays. */
    public void closeCallee() {
        if (callee != null) {
            callee.close();
            callee = null;
        }
    }

    private void quiet() {
        generation++;
        session.stopPlaying();
        session.stopRecording();
        session.onDigit(d -> { });
    }

    /** The caller hung up (the call has ended on the SIP side). */
    public void callerHungUp() {
        if (over) {
            return;
        }
        over = true;
        boolean keep = started && script.callerHungUp(this);
        if (!keep) {
            close();
        }
    }

    private void start() {
        if (!started && !over && script != null) {
            started = true;
            script.start(this);
        }
    }

    /** {@code task} under the call's lock, unless the call is over or another script runs by then. */
    private Runnable current(Runnable task) {
        int mine = generation;
        return () -> leg.locked(() -> {
            if (!over && mine == generation) {
                task.run();
            }
        });
    }

    private <T> Consumer<T> current(Consumer<T> task) {
        int mine = generation;
        return value -> leg.locked(() -> {
            if (!over && mine == generation) {
                task.accept(value);
            }
        });
    }

    // ---- for the scripts ----

    public CallerLeg leg() {
        return leg;
    }

    public MediaServices services() {
        return services;
    }

    /** The built-in prompts in the caller's language (CH-05; an identified outside caller's, USR-01). */
    public Prompts prompts() {
        return services.prompts(identifiedLanguage != null ? identifiedLanguage : leg.language());
    }

    /**
     * The caller said who they are (extension and PIN, SYS-02) and that user speaks {@code language}
     * (USR-01: the language of the user's menus and prompts). An outside caller has no channel whose
     * language (CH-05) applies, so from now on the menus speak the user's; until then, Dutch. A
     * caller on a phone of ours keeps its channel's language: CH-05 sets the prompts on the channel.
     */
    public void identifiedAs(org.reachpbx.rules.vocabulary.Language language) {
        if (leg.callerChannel() == null && language != null) {
            identifiedLanguage = language;
        }
    }

    public MediaSession media() {
        return session;
    }

    /** Whether the call is over (caller hung up or we did): start nothing new. */
    public boolean over() {
        return over;
    }

    /** Plays the prompts once, then {@code next} (not when the call is over by then). */
    public void play(List<Prompt> prompts, Runnable next) {
        if (over) {
            return;
        }
        session.play(prompts, false, current(next));
    }

    /** Plays the prompts in a loop until something else is played or the call ends. */
    public void loop(List<Prompt> prompts) {
        if (!over) {
            session.play(prompts, true, () -> { });
        }
    }

    /** Collects digits (typed ahead during a prompt count); {@code next} gets them ("" on timeout). */
    public void collect(DigitSpec spec, Consumer<String> next) {
        if (over) {
            return;
        }
        session.collect(spec, current(next));
    }

    /**
     * Plays the prompts, then collects digits; a key pressed during the prompts stops them and counts
     * as the first digit (type-ahead), so a caller who knows the menu need not wait.
     */
    public void ask(List<Prompt> prompts, DigitSpec spec, Consumer<String> next) {
        if (over) {
            return;
        }
        boolean[] collecting = {false};
        Runnable collectNow = () -> {
            if (!collecting[0] && !over) {
                collecting[0] = true;
                collect(spec.keepingTypeAhead(true),
                        digits -> {
                            session.onDigit(d -> { });
                            next.accept(digits);
                        });
            }
        };
        session.onDigit(current((Character d) -> {
            if (!collecting[0]) {
                session.stopPlaying();
                collectNow.run();
            }
        }));
        session.play(prompts, false, current(collectNow));
    }

    /**
     * Every key the caller presses from now on (RFC 4733, in-band or SIP INFO), until the script
     * changes or another collection starts: for a script that reacts to single keys while the caller
     * does something else (a listening supervisor's modes, LSN-04).
     */
    public void onKey(Consumer<Character> key) {
        if (!over) {
            session.onDigit(current(key));
        }
    }

    /** Records; {@code done} also runs when the caller hung up meanwhile (the script decides what to keep). */
    public void record(RecordSpec spec, Consumer<Recording> done) {
        int mine = generation;
        session.record(spec, recording -> leg.locked(() -> {
            if (mine == generation) {
                done.accept(recording);
            }
        }));
    }

    /** Runs database work off the call's threads, then {@code next} with its result under the call's lock. */
    public <T> void background(Supplier<T> work, Consumer<T> next) {
        int mine = generation;
        services.background(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                log.warn("Call {}: a service step failed: {}; hanging up", leg.callId(), e.toString());
                leg.locked(this::hangUp);
                return;
            }
            leg.locked(() -> {
                if (mine == generation) {
                    next.accept(result);
                }
            });
        });
    }

    /** The server ends the call: BYE to the caller, the session is freed. */
    public void hangUp() {
        if (!over) {
            over = true;
            leg.hangUp();
        }
        close();
    }

    /** A script that kept the session after the caller hung up is done with it. */
    public void release() {
        close();
    }

    private void close() {
        closeCallee();
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
