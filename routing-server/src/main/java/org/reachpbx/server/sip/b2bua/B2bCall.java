package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.stack.SipServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import gov.nist.javax.sip.header.extensions.ReplacesHeader;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.integrations.events.CallEventType;
import org.reachpbx.media.MediaSession;
import org.reachpbx.rules.decision.Collect;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;
import org.reachpbx.server.sip.devices.UserDevices.Destination;
import org.reachpbx.server.sip.registrar.RegistrationPath;
import org.reachpbx.server.sip.media.AgentRing;
import org.reachpbx.server.sip.media.CallerLeg;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.reachpbx.server.sip.services.CallsInProgress;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.menus.Menu;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the B2BUA: the caller's leg (A) and the legs it rings (branches), executing a
 * routing decision and its continuations.
 * <ul>
 *   <li>RING: the targets of each ring step are rung together; the next step joins after the
 *       step's timeout (at once when nothing of the earlier steps is still ringing). The first
 *       2xx wins; every other branch is cancelled.</li>
 *   <li>When nothing rings any more: busy (486/600/603) → {@code onBusy}; nothing reached →
 *       {@code onUnreachable}, else {@code onNoAnswer}; otherwise 486 or 480 to the caller.</li>
 *   <li>The no-answer timer cancels the branches and follows {@code onNoAnswer} (480 without).</li>
 *   <li>REJECT: the decision's SIP status with a Reason header.</li>
 * </ul>
 * Once answered the two dialogs are bridged: BYE from either side ends both, re-INVITE, UPDATE and
 * INFO are relayed with their bodies unchanged. Blind transfers and the NOTIFYs of REFERs are
 * {@link CallTransfers}', the users' in-call codes {@link InCallKeys}'; both act through this call's
 * package-private hooks. All methods run under the call's lock; JAIN-SIP calls in on several
 * threads and the timers on another.
 */
final class B2bCall implements CallerLeg {

    private static final Logger log = LoggerFactory.getLogger(B2bCall.class);

    /** ROUTING: legs ring; ANSWERED: bridged to a leg; SERVED: answered by a media service of the server. */
    enum State { ROUTING, ANSWERED, SERVED, ENDED }

    /** The caller and what the call is about, for headers, counters and events. */
    record Setup(long tenantId, TenantView view, String callerUser, String callerChannel, String callerNumber,
                 String callerName, String called, String domain, Redecide redecide) {
    }

    private final B2bua b2b;
    private final Setup setup;
    final ServerTransaction aTx;
    final Request aInvite;
    final Dialog aDialog;
    private final String aTag;
    private final LiveCalls.Taken counts;
    private final Instant startedAt;
    private State state = State.ROUTING;
    private int decisions;
    private RoutingDecision current;
    /** For the call record: the top-level decision, and the final status the caller got. */
    private RoutingDecision first;
    private int finalStatus;
    private String finalReason;
    /** For the call's leg records: each decision executed (forwards, menus, media services, transfers). */
    private final CallLegs legs = new CallLegs();
    private final List<Branch> branches = new ArrayList<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    /** How long a BYE to the caller waits for the ACK of the server's own 200 (T1 × 8: retransmissions included). */
    private static final long ACK_WAIT_MS = 4_000;
    /** The server answered the caller (a media service) and the caller's ACK has not come yet. */
    private boolean callerAckPending;
    /** A BYE to the caller waits for that ACK. */
    private boolean byeAfterAck;
    private int nextStep;
    private boolean segmentBusy;
    private boolean ringingSent;
    private boolean countedExternal;
    private Branch winner;
    private Instant answeredAt;
    private final Set<String> rungUsers = new HashSet<>();
    /** A relayed re-INVITE's 2xx waiting for the originator's ACK: the dialog to ACK on and its CSeq. */
    private Dialog ackDialog;
    private long ackCseq;
    /**
     * The server's answer to the caller (a menu or service ran): set from the caller's 200 until a
     * called party is bridged to it or the call ends. While set, the caller's media ends at the
     * server; legs rung after it get the server's offer and the caller hears ringback meanwhile.
     */
    private ServedCall served;
    /** The caller got the server's 200: later refusals become a BYE, later answers a bridge. */
    private boolean callerAnswered;
    /**
     * Attended transfer (GEN-05): the transferor's dialog that left this call, whose requests are no
     * longer relayed, and what is told when the call ends (the call its party is now joined to).
     */
    private Dialog transferorLeft;
    private Consumer<B2bCall> afterTransferEnds;
    /** The AI extension whose service is connected (AI-02): its leg may hand the caller on by REFER. */
    private String aiExtension;
    /** Its blind transfers and the NOTIFYs of REFERs (GEN-03/04/06), and its users' in-call codes (GEN-06/07). */
    private final CallTransfers transfers;
    private final InCallKeys keys;
    /** The menu the caller is in (IVR-05: its failover timer runs until the caller leaves it). */
    private String menuAt;
    private ScheduledFuture<?> menuTimer;
    /** Anchoring and music on hold of the bridged call. */
    private final BridgeMedia media;
    /** A queue's offer ringing now (QUE-09), and the decision that served the queue to go back to. */
    private AgentRing agentRing;
    private RoutingDecision servedDecision;
    /** The queue call an agent answered: told when the bridged call ends (wrap-up, QUE-22). */
    private AgentRing bridgedAgent;
    /** A user's hold or consultation by DTMF code (GEN-05/06), while it lasts. */
    private Consultation consultation;

    B2bCall(B2bua b2b, Setup setup, ServerTransaction aTx, Dialog aDialog, LiveCalls.Taken counts, Instant now) {
        this.b2b = b2b;
        this.setup = setup;
        this.aTx = aTx;
        this.aInvite = aTx.getRequest();
        this.aDialog = aDialog;
        this.aTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
        this.counts = counts;
        this.startedAt = now;
        this.media = new BridgeMedia(b2b.media(), setup, callId(), aInvite.getRawContent(),
                b2b.anchorsForService(setup.tenantId()));
        this.transfers = new CallTransfers(b2b, this);
        this.keys = new InCallKeys(b2b, this, transfers);
    }

    @Override
    public String callId() {
        return ((javax.sip.header.CallIdHeader) aInvite.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    synchronized State state() {
        return state;
    }

    /** This call as call pickup sees it (GEN-02): ringing at a user now, or empty. */
    synchronized java.util.Optional<org.reachpbx.rules.services.ServiceRequest.RingingCall> ringingNow() {
        if (state != State.ROUTING || callerAnswered) {
            return java.util.Optional.empty();
        }
        for (Branch b : branches) {
            if (b.live() && b.provisional && b.user != null) {
                String group = setup.view().extension(setup.called()) instanceof org.reachpbx.rules.view.GroupView
                        ? setup.called() : null;
                return java.util.Optional.of(new org.reachpbx.rules.services.ServiceRequest.RingingCall(callId(), b.user,
                        group, java.time.LocalDateTime.ofInstant(startedAt, setup.view().zone())));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Call pickup (GEN-02): the ringing legs stop and the server answers the caller with {@code
     * script} (which connects it to the phone that picked up); false when it stopped ringing meanwhile.
     */
    synchronized boolean pickUp(MediaScript script) {
        if (ringingNow().isEmpty() || b2b.media() == null) {
            return false;
        }
        cancelTimers();
        cancelBranches(null);
        serve(script);
        return state == State.SERVED;
    }

    /** This call's dialog with its caller (BLF NOTIFY, pickup by Replaces). */
    CallerDialog callerDialog() {
        return new CallerDialog(callId(), aTag,
                ((javax.sip.header.FromHeader) aInvite.getHeader(javax.sip.header.FromHeader.NAME)).getTag());
    }

    /**
     * Pickup by Replaces (GEN-02): this new call of the picking-up phone is answered by the server at
     * once with {@code script}; {@code d} (the directed pickup it amounts to) is what its records show.
     */
    synchronized void answerWith(RoutingDecision d, MediaScript script) {
        decisions++;
        legs.next(d, segmentBusy, b2b.now());
        current = d;
        first = d;
        serve(script);
    }

    /** The users this call has rung so far (BLF: idle again once it is picked up). */
    synchronized List<String> rungUsers() {
        return List.copyOf(rungUsers);
    }

    /** The channel on which {@code user} answered this call, when it is up (device switch, GEN-01). */
    synchronized String answeredOn(String user) {
        return state == State.ANSWERED && winner != null && user.equals(winner.user) ? winner.channel : null;
    }

    /**
     * Device switch (GEN-01): the called user's leg is released and the caller, whose media comes to
     * the server (re-INVITEd there first if it went end to end), is handed to {@code script}.
     */
    synchronized boolean moveCallee(MediaScript script) {
        if (state != State.ANSWERED || winner == null || b2b.media() == null) {
            return false;
        }
        Branch from = winner;
        if (media.anchored()) {
            handOver(from, script);
        } else {
            Reanchoring.start(b2b, this, aDialog, from.dialog, anchor -> {
                if (state == State.ANSWERED && winner == from) {
                    media.adopt(anchor);
                    handOver(from, script);
                } else {
                    anchor.close();
                }
            }, () -> log.info("Call {}: device switch failed: the media could not be anchored", callId()));
        }
        return true;
    }

    /** Whether {@code user} is the caller or the answering party of this answered call (LSN-02). */
    synchronized boolean answeredWith(String user) {
        return state == State.ANSWERED && winner != null
                && (user.equals(winner.user) || user.equals(setup.callerUser()));
    }

    /**
     * Listen-in (LSN-02): {@code then} gets this call's sessions at the server once its media runs
     * there (both parties re-INVITEd first when it went end to end); false when {@code user} is not
     * a party of this answered call. The agent is the answering party when the user is both.
     */
    synchronized boolean listenIn(String user, Consumer<CallsInProgress.Listened> then) {
        if (!answeredWith(user) || b2b.media() == null) {
            return false;
        }
        Branch at = winner;
        boolean agentIsCaller = !user.equals(at.user);
        java.util.function.BooleanSupplier stillOn = () -> state == State.ANSWERED && winner == at;
        if (media.anchored()) {
            MediaAnchor anchor = media.anchor();
            then.accept(new ListenedCall(this, anchor, agentIsCaller, () -> stillOn.getAsBoolean() && media.anchor() == anchor));
        } else {
            Reanchoring.start(b2b, this, aDialog, at.dialog, anchor -> {
                if (stillOn.getAsBoolean()) {
                    media.adopt(anchor);
                    then.accept(new ListenedCall(this, anchor, agentIsCaller,
                            () -> stillOn.getAsBoolean() && media.anchor() == anchor));
                } else {
                    anchor.close();
                }
            }, () -> log.info("Call {}: listen-in failed: the media could not be anchored", callId()));
        }
        return true;
    }

    private void handOver(Branch from, MediaScript script) {
        from.done = true;
        winner = null;
        MediaAnchor.Split split = media.release().split();
        split.callee().close();
        sendBye(from.dialog);
        served = b2b.media().takeBack(this, split.caller());
        callerAnswered = true; // the caller has the 200 of the bridge: what follows ends with a BYE
        state = State.SERVED;
        served.run(script);
    }

    // ---- executing decisions ----

    synchronized void execute(RoutingDecision d) {
        if (state != State.ROUTING) {
            return;
        }
        if (++decisions > b2b.maxDecisions()) {
            log.warn("Call {} passed {} decisions; released (loop safety)", callId(), b2b.maxDecisions());
            finalToCaller(Response.LOOP_DETECTED, "Too many routing steps");
            return;
        }
        legs.next(d, segmentBusy, b2b.now());
        current = d;
        first = first == null ? d : first;
        cancelTimers();
        if (d.outcome() != RoutingDecision.Outcome.COLLECT) {
            leaveMenu();
        }
        switch (d.outcome()) {
            case REJECT -> finalToCaller(d.reject().sipStatus(),
                    d.reject().reason() == null ? d.reject().cause().name() : d.reject().reason());
            case RING -> ring(d);
            case MEDIA -> {
                if (d.media().kind() == MediaService.Kind.AI) {
                    connectAi(d);
                } else {
                    serve(d);
                }
            }
            case COLLECT -> collect(d);
        }
    }

    /** A media service answers the call (voicemail, auto-answer, menus): its own classes run it. */
    private void serve(RoutingDecision d) {
        cancelBranches(null);
        MediaScript script = b2b.media() == null ? null : b2b.media().scriptFor(this, d.media());
        if (script == null) {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "Media service " + d.media().kind()
                    + (d.media().extension() == null ? "" : " " + d.media().extension()) + " is not available");
            return;
        }
        serve(script);
    }

    private void serve(MediaScript script) {
        if (served != null) {
            // The caller is answered already (a menu ran before): the same session goes on.
            state = State.SERVED;
            served.run(script);
            return;
        }
        served = b2b.media().serve(this, script);
        if (served == null) {
            finalToCaller(Response.SERVICE_UNAVAILABLE, "No media resources");
            return;
        }
        state = State.SERVED;
        served.answer();
    }

    /**
     * An AI extension (AI-01/02): the server answers the caller and rings the external AI service's
     * SIP URI with its own media, so that when the service hands the caller back by REFER the AI
     * leg can be released at once and the caller routed on without being re-INVITEd.
     */
    private void connectAi(RoutingDecision d) {
        String uri = d.media().settings() == null ? null : d.media().settings().get("serviceUri");
        if (uri == null || b2b.media() == null) {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "AI service " + d.media().extension() + " is not available");
            return;
        }
        cancelBranches(null);
        if (served == null) {
            serve(MediaScript.WAIT);
            if (state == State.ENDED) {
                return;
            }
        }
        state = State.ROUTING;
        aiExtension = d.media().extension();
        startBranch(d, d, null, new Destination(uri, null, null));
        checkSegment(d);
    }

    /**
     * A REFER from the called party: only the AI service may hand the caller on (AI-02, AI-T1). The
     * REFER is accepted, its outcome notified, the AI leg released at once (its session is billed by
     * time), and the caller, whose media the server holds, is routed to the extension it names.
     */
    private void referFromCallee(ServerTransaction st) throws Exception {
        Request in = st.getRequest();
        String target = CallTransfer.target(in);
        if (aiExtension == null) {
            transfers.byCallee(st, target);
            return;
        }
        if (!media.anchored()) {
            st.sendResponse(b2b.sip().messages().createResponse(Response.NOT_IMPLEMENTED, in));
            return;
        }
        if (target == null) {
            st.sendResponse(b2b.sip().messages().createResponse(Response.BAD_REQUEST, in));
            return;
        }
        st.sendResponse(b2b.sip().messages().createResponse(Response.ACCEPTED, in));
        Branch ai = winner;
        transfers.notifyReferThenBye(ai.dialog);
        ai.done = true;
        log.info("Call {}: AI service {} handed the caller to {}; its leg is released", callId(), aiExtension, target);
        aiExtension = null;
        winner = null;
        served = b2b.media().takeBack(this, media.release());
        state = State.ROUTING;
        execute(setup.redecide().transfer(target));
    }

    /**
     * A menu (IVR, extension chooser, postal code): after its ringback cycles (IVR-02) the server
     * answers and the menu runs; the keyed digits come back through {@link #decideAgain}. Its
     * failover timer starts when the caller enters the menu and keeps running while the menu
     * replays (IVR-05/06); a nested menu has its own.
     */
    private void collect(RoutingDecision d) {
        Collect c = d.collect();
        if (b2b.media() == null) {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "Digit collection at " + c.resumeAt() + " is not available");
            return;
        }
        cancelBranches(null);
        boolean replay = c.resumeAt().equals(menuAt);
        if (!replay) {
            leaveMenu();
            menuAt = c.resumeAt();
            if (c.timeout() != null && c.timeout() > 0) {
                menuTimer = b2b.timer().schedule(() -> menuTimedOut(c), c.timeout(), TimeUnit.SECONDS);
            }
        }
        Menu menu = new Menu(c, replay);
        if (served == null && c.ringbackCycles() > 0) {
            sendRinging();
            Duration wait = b2b.media().properties().getRingbackCycle().multipliedBy(c.ringbackCycles());
            RoutingDecision expected = d;
            schedule(wait, () -> afterRingback(expected, menu));
            return;
        }
        serve(menu);
    }

    private synchronized void afterRingback(RoutingDecision d, Menu menu) {
        if (state == State.ROUTING && current == d) {
            serve(menu);
        }
    }

    /** IVR-05: the caller is still in the menu when its timer ends: on to the failover destination. */
    private synchronized void menuTimedOut(Collect c) {
        if (state == State.ENDED || !c.resumeAt().equals(menuAt)) {
            return;
        }
        log.debug("Call {}: failover timer of {} ended", callId(), c.resumeAt());
        menuAt = null;
        state = State.ROUTING;
        if (c.fallback() != null) {
            execute(c.fallback());
        } else {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "No choice made at " + c.resumeAt());
        }
    }

    private void leaveMenu() {
        menuAt = null;
        if (menuTimer != null) {
            menuTimer.cancel(false);
            menuTimer = null;
        }
    }

    @Override
    public synchronized void decideAgain(String resumeAt, String digits, String displayPrefix) {
        if (state != State.SERVED) {
            return;
        }
        RoutingDecision next = setup.redecide().again(resumeAt, digits, displayPrefix);
        state = State.ROUTING;
        if (next == null) {
            finalToCaller(Response.SERVER_INTERNAL_ERROR, "No decision for the keyed digits");
            return;
        }
        execute(next);
    }

    @Override
    public synchronized void ringAgents(List<RingTarget> targets, int seconds, AgentRing outcome) {
        if (state != State.SERVED || served == null) {
            outcome.notAnswered();
            return;
        }
        RoutingDecision d = new RoutingDecision(RoutingDecision.Outcome.RING, null, List.of(new RingStep(targets, null)),
                seconds, null, null, null, null, null, current.presentation(), current.headers(),
                current.destinationCategory(), current.dialledNumber(), current.emergencyAreaCode(), null, null, null);
        agentRing = outcome;
        servedDecision = current;
        current = d;
        state = State.ROUTING;
        ring(d);
    }

    /** A queue's offer ended without an answer: the caller goes back to the queue's script. */
    private boolean agentsNotAnswered() {
        if (agentRing == null) {
            return false;
        }
        AgentRing outcome = agentRing;
        agentRing = null;
        cancelBranches(null);
        cancelTimers();
        current = servedDecision;
        state = State.SERVED;
        outcome.notAnswered();
        return true;
    }

    @Override
    public synchronized void continueTo(String extension) {
        if (state != State.SERVED) {
            return;
        }
        state = State.ROUTING;
        execute(setup.redecide().transfer(extension));
    }

    private void sendRinging() {
        if (ringingSent) {
            return;
        }
        try {
            Response out = b2b.sip().messages().createResponse(Response.RINGING, aInvite);
            toTag(out);
            out.addHeader(b2b.sip().contactHeader(transportOfA()));
            aTx.sendResponse(out);
            ringingSent = true;
        } catch (Exception e) {
            log.debug("Call {}: 180 to the caller failed: {}", callId(), e.toString());
        }
    }

    private void ring(RoutingDecision d) {
        segmentBusy = false;
        nextStep = 0;
        if (d.noAnswerTimeout() != null) {
            schedule(Duration.ofSeconds(d.noAnswerTimeout()), () -> noAnswer(d));
        }
        startNextStep(d);
    }

    private void startNextStep(RoutingDecision d) {
        List<RingStep> steps = d.ring() == null ? List.of() : d.ring();
        while (nextStep < steps.size()) {
            RingStep step = steps.get(nextStep++);
            for (RingTarget t : step.targets()) {
                startTarget(d, d, t);
            }
            int after = step.timeout() == null ? 0 : step.timeout();
            if (nextStep < steps.size() && after > 0 && anyLive(d)) {
                int expected = nextStep;
                schedule(Duration.ofSeconds(after), () -> stepTimer(d, expected));
                return;
            }
        }
        checkSegment(d);
    }

    /** The next ring step joins, unless it already started because nothing rang any more. */
    private synchronized void stepTimer(RoutingDecision d, int step) {
        if (state == State.ROUTING && current == d && nextStep == step) {
            startNextStep(d);
        }
    }

    /** Starts the legs of one target: a device's contacts, a number over the trunk, a member's own decision. */
    private void startTarget(RoutingDecision segment, RoutingDecision headersFrom, RingTarget t) {
        switch (t.kind()) {
            case DEVICE -> {
                List<Destination> places = b2b.devices().destinations(setup.view(), t.user(), t.device());
                if (places.isEmpty()) {
                    log.debug("Call {}: device {}/{} cannot ring now", callId(), t.user(), t.device());
                }
                for (Destination place : places) {
                    startBranch(segment, headersFrom, t.user(), place);
                }
            }
            case EXTERNAL -> startBranch(segment, headersFrom, null, Destination.number(t.number()));
            case LEG -> {
                // A group member's own decision (GRP-03): its targets ring as part of this step.
                RoutingDecision leg = t.leg();
                if (leg != null && leg.outcome() == RoutingDecision.Outcome.RING && leg.ring() != null) {
                    for (RingStep s : leg.ring()) {
                        for (RingTarget inner : s.targets()) {
                            startTarget(segment, leg, inner);
                        }
                    }
                }
            }
        }
    }

    private void startBranch(RoutingDecision segment, RoutingDecision headersFrom, String user, Destination place) {
        Branch b = new Branch(this, segment, user, place.channel(), place.number());
        try {
            URI target;
            String transport = "udp";
            Trunk trunk = null;
            if (place.contact() != null) {
                target = b2b.sip().addresses().createURI(place.contact());
                if (target instanceof SipURI s && s.getTransportParam() != null) {
                    transport = s.getTransportParam();
                } else if (target instanceof SipURI s && s.isSecure()) {
                    transport = "tls";
                }
            } else {
                trunk = b2b.trunks().outbound().orElse(null);
                if (trunk == null) {
                    log.info("Call {}: no outbound trunk for {}", callId(), place.number());
                    return;
                }
                SipURI uri = b2b.sip().addresses().createSipURI(place.number(), trunk.getHost());
                uri.setPort(trunk.getPort());
                if ("tcp".equalsIgnoreCase(trunk.getTransport())) {
                    uri.setTransportParam("tcp");
                    transport = "tcp";
                }
                target = uri;
                if (setup.callerUser() != null && !countedExternal) {
                    countedExternal = true;
                    counts.external(setup.callerUser());
                }
            }
            b.invite = newInvite(b, target, transport, segment, headersFrom);
            RegistrationPath.route(b.invite, place.path(), b2b.sip().addresses(), b2b.sip().headers());
            EmergencyRouting.apply(trunk, segment.emergencyAreaCode(), b.invite, b2b.sip().headers());
            ClientTransaction tx = b2b.sip().provider().getNewClientTransaction(b.invite);
            b.tx = tx;
            b.dialog = b2b.sip().provider().getNewDialog(tx);
            tx.setApplicationData(b);
            b.dialog.setApplicationData(b);
            branches.add(b);
            tx.sendRequest();
            if (user != null && rungUsers.add(user)) {
                b2b.event(CallEventType.RINGING, setup, user, callId(), startedAt, null, null);
            }
        } catch (Exception e) {
            log.info("Call {}: {} could not be started: {}", callId(), b, e.toString());
            b.done = true;
        }
    }

    private Request newInvite(Branch b, URI target, String transport, RoutingDecision segment,
                              RoutingDecision headersFrom) throws Exception {
        var sip = b2b.sip();
        var h = sip.headers();
        Presentation p = headersFrom.presentation() != null ? headersFrom.presentation() : segment.presentation();
        SipURI toUri = sip.addresses().createSipURI(b.target(), setup.domain());
        ViaHeader via = h.createViaHeader(sip.advertisedHost(), sip.portFor(transport), transport, null);
        MaxForwardsHeader aMax = (MaxForwardsHeader) aInvite.getHeader(MaxForwardsHeader.NAME);
        Request r = sip.messages().createRequest(target, Request.INVITE, sip.provider().getNewCallId(),
                h.createCSeqHeader(1L, Request.INVITE),
                CallerIdentity.from(sip.addresses(), h, p, setup.domain(), Long.toHexString(System.nanoTime())),
                h.createToHeader(sip.addresses().createAddress(toUri), null), List.of(via),
                h.createMaxForwardsHeader(aMax == null ? 69 : Math.max(0, aMax.getMaxForwards() - 1)));
        r.addHeader(sip.contactHeader(transport));
        if (served != null) {
            // The server answered the caller: the callee talks to the server's session.
            String offer = served.offerToCallee();
            if (offer == null) {
                throw new IllegalStateException("no RTP ports for the called party");
            }
            r.setContent(offer, sip.headers().createContentTypeHeader("application", "sdp"));
        } else if (aInvite.getRawContent() != null) {
            String anchored = media.offerToCallee();
            if (anchored != null) {
                r.setContent(anchored, sip.headers().createContentTypeHeader("application", "sdp"));
            } else {
                r.setContent(aInvite.getRawContent(), (ContentTypeHeader) aInvite.getHeader(ContentTypeHeader.NAME));
            }
        }
        CallerIdentity.apply(r, sip.addresses(), h, p, headersFrom.headers(), setup.domain(), setup.called(), b.target());
        return r;
    }

    private boolean anyLive(RoutingDecision d) {
        for (Branch b : branches) {
            if (b.segment == d && b.live()) {
                return true;
            }
        }
        return false;
    }

    /** When nothing of this segment rings and no step is left, its continuation decides. */
    private void checkSegment(RoutingDecision d) {
        if (state != State.ROUTING || current != d || anyLive(d)) {
            return;
        }
        List<RingStep> steps = d.ring() == null ? List.of() : d.ring();
        if (nextStep < steps.size()) {
            startNextStep(d);
            return;
        }
        cancelTimers();
        if (agentsNotAnswered()) {
            return;
        }
        RoutingDecision next = segmentBusy ? d.onBusy() : d.onUnreachable() != null ? d.onUnreachable() : d.onNoAnswer();
        if (next != null) {
            execute(next);
        } else if (segmentBusy) {
            finalToCaller(Response.BUSY_HERE, "Busy");
        } else {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "Nobody could be reached");
        }
    }

    private synchronized void noAnswer(RoutingDecision d) {
        if (state != State.ROUTING || current != d) {
            return;
        }
        log.debug("Call {}: no answer after {} s", callId(), d.noAnswerTimeout());
        cancelBranches(null);
        if (agentsNotAnswered()) {
            return;
        }
        if (d.onNoAnswer() != null) {
            execute(d.onNoAnswer());
        } else {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "No answer");
        }
    }

    // ---- responses from branches ----

    synchronized void response(Branch b, Response r) {
        int status = r.getStatusCode();
        try {
            if (status < 200) {
                if (status == Response.TRYING) {
                    return;
                }
                b.provisional = true;
                if (b.cancelRequested) {
                    sendCancel(b);
                } else if (state == State.ROUTING && b.segment == current) {
                    relayProvisional(r);
                }
                return;
            }
            if (status < 300) {
                if (b.acked) {
                    b.dialog.sendAck(b.dialog.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
                    return;
                }
                if (state == State.ROUTING && b.segment == current && !b.cancelRequested) {
                    answer(b, r);
                } else {
                    ackAndHangUp(b, r);
                }
                return;
            }
            b.done = true;
            if (state == State.ROUTING && b.segment == current) {
                if (status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE || status == Response.DECLINE) {
                    segmentBusy = true;
                }
                checkSegment(current);
            }
        } catch (Exception e) {
            log.warn("Call {}: could not handle {} from {}: {}", callId(), status, b, e.toString());
        }
    }

    /** The branch's transaction timed out: as a 408 from it. */
    synchronized void timeout(Branch b) {
        b.done = true;
        if (state == State.ROUTING && b.segment == current) {
            checkSegment(current);
        }
    }

    private void relayProvisional(Response r) throws Exception {
        if (callerAnswered) {
            return; // the caller hears the server's ringback
        }
        boolean withSdp = r.getRawContent() != null;
        if (ringingSent && !withSdp) {
            return;
        }
        Response out = b2b.sip().messages().createResponse(withSdp ? Response.SESSION_PROGRESS : Response.RINGING, aInvite);
        toTag(out);
        out.addHeader(b2b.sip().contactHeader(transportOfA()));
        if (withSdp) {
            String early = media.anchored() ? media.answerForCaller(r.getRawContent()) : null;
            if (!media.anchored()) {
                out.setContent(r.getRawContent(), (ContentTypeHeader) r.getHeader(ContentTypeHeader.NAME));
            } else if (early != null) {
                out.setContent(early, b2b.sip().headers().createContentTypeHeader("application", "sdp"));
            }
        }
        aTx.sendResponse(out);
        ringingSent = true;
    }

    private void answer(Branch b, Response r) throws Exception {
        if (served != null) {
            bridgeAnsweredCaller(b, r);
            return;
        }
        String anchored = media.anchored() && r.getRawContent() != null ? media.answerForCaller(r.getRawContent()) : null;
        if (media.anchored() && r.getRawContent() != null && anchored == null) {
            ackAndHangUp(b, r);
            cancelBranches(null);
            finalToCaller(Response.NOT_ACCEPTABLE_HERE, "No codec in common with the called party");
            return;
        }
        winner = b;
        state = State.ANSWERED;
        answeredAt = b2b.now();
        cancelTimers();
        cancelBranches(b);
        counts.user(b.user);
        counts.channel(b.channel);
        if (aInvite.getRawContent() != null) {
            // The caller made the offer, so the ACK carries nothing: acknowledge at once.
            ackBranch(b, r, null);
        }
        Response ok = b2b.sip().messages().createResponse(Response.OK, aInvite);
        toTag(ok);
        ok.addHeader(b2b.sip().contactHeader(transportOfA()));
        if (anchored != null) {
            ok.setContent(anchored, b2b.sip().headers().createContentTypeHeader("application", "sdp"));
        } else if (r.getRawContent() != null) {
            ok.setContent(r.getRawContent(), (ContentTypeHeader) r.getHeader(ContentTypeHeader.NAME));
        }
        aTx.sendResponse(ok);
        keys.watch(b);
        log.debug("Call {} answered by {}", callId(), b);
        b2b.answered(media, setup, callId(), b.user, answeredAt);
        if (b.user != null) {
            b2b.event(CallEventType.ANSWERED, setup, b.user, callId(), startedAt, answeredAt, null);
        }
    }

    /** A called party answers a caller the server had answered (after a menu): bridged through the server. */
    private void bridgeAnsweredCaller(Branch b, Response r) throws Exception {
        MediaAnchor anchor = served.bridgeTo(r.getRawContent());
        if (anchor == null) {
            ackAndHangUp(b, r);
            checkSegment(current);
            return;
        }
        ackBranch(b, r, null);
        media.adopt(anchor);
        served = null;
        winner = b;
        state = State.ANSWERED;
        cancelTimers();
        cancelBranches(b);
        counts.user(b.user);
        counts.channel(b.channel);
        keys.watch(b);
        log.debug("Call {} answered by {} after the server's menu", callId(), b);
        b2b.answered(media, setup, callId(), b.user, b2b.now());
        if (agentRing != null) {
            bridgedAgent = agentRing;
            agentRing = null;
            bridgedAgent.answered(b.user);
        }
        if (b.user != null) {
            b2b.event(CallEventType.ANSWERED, setup, b.user, callId(), startedAt, b2b.now(), null);
        }
    }

    private void ackBranch(Branch b, Response r, Request callerAck) throws Exception {
        long cseq = ((CSeqHeader) (r != null ? r : b.invite).getHeader(CSeqHeader.NAME)).getSeqNumber();
        Request ack = b.dialog.createAck(cseq);
        if (callerAck != null && callerAck.getRawContent() != null) {
            ack.setContent(callerAck.getRawContent(), (ContentTypeHeader) callerAck.getHeader(ContentTypeHeader.NAME));
        }
        b.dialog.sendAck(ack);
        b.acked = true;
    }

    /** A 2xx that came too late (another branch won, or the caller left): acknowledge it and hang up. */
    private void ackAndHangUp(Branch b, Response r) throws Exception {
        ackBranch(b, r, null);
        b.done = true;
        sendBye(b.dialog);
    }

    void cancelBranches(Branch except) {
        for (Branch b : branches) {
            if (b != except && !b.done && !b.cancelRequested) {
                b.cancelRequested = true;
                if (b.provisional) {
                    sendCancel(b);
                }
            }
        }
    }

    private void sendCancel(Branch b) {
        if (b.cancelSent || b.done) {
            return;
        }
        b.cancelSent = true;
        try {
            Request cancel = b.tx.createCancel();
            b2b.sip().provider().getNewClientTransaction(cancel).sendRequest();
        } catch (Exception e) {
            log.debug("Call {}: CANCEL of {} failed: {}", callId(), b, e.toString());
        }
    }

    // ---- requests from the caller ----

    /**
     * An ACK from either side: for a relayed re-INVITE's 2xx it goes on to the side that answered
     * it; the caller's ACK for the call's 2xx acknowledges the winner now if its answer waited for it.
     */
    synchronized void ack(Request ack) {
        if (callerAckPending) {
            callerAckPending = false;
            if (byeAfterAck) {
                byeAfterAck = false;
                sendBye(aDialog);
            }
        }
        if (served != null) {
            served.ack(ack);
            return;
        }
        try {
            if (ackDialog != null) {
                Request out = ackDialog.createAck(ackCseq);
                if (ack.getRawContent() != null) {
                    out.setContent(ack.getRawContent(), (ContentTypeHeader) ack.getHeader(ContentTypeHeader.NAME));
                }
                ackDialog.sendAck(out);
                ackDialog = null;
                return;
            }
            if (winner != null && !winner.acked) {
                ackBranch(winner, null, ack);
            }
        } catch (Exception e) {
            log.warn("Call {}: could not relay ACK: {}", callId(), e.toString());
        }
    }

    /** CANCEL from the caller: 487 to the caller, CANCEL to every branch. */
    synchronized void callerCancel() {
        if (state != State.ROUTING || callerAnswered) {
            return;
        }
        cancelBranches(null);
        finalToCaller(Response.REQUEST_TERMINATED, null);
    }

    /** BYE from either side: answered 200, passed to the other side, the call ends. */
    synchronized void bye(boolean fromCaller, ServerTransaction st) {
        try {
            st.sendResponse(b2b.sip().messages().createResponse(Response.OK, st.getRequest()));
        } catch (Exception e) {
            log.debug("Call {}: 200 to BYE failed: {}", callId(), e.toString());
        }
        if (fromCaller && (state == State.SERVED || state == State.ROUTING && callerAnswered)) {
            // The caller left a menu or service, or while the server rang someone after one.
            cancelBranches(null);
            end();
            return;
        }
        if (state == State.ROUTING && fromCaller) {
            // A caller may end an early dialog with BYE (RFC 3261 §15): as a CANCEL.
            cancelBranches(null);
            finalToCaller(Response.REQUEST_TERMINATED, null);
            return;
        }
        if (state != State.ANSWERED) {
            return;
        }
        if (consultation != null && !consultation.over() && transferorLeft == null) {
            // GEN-05: the consulting user hanging up connects the other two; the held party hanging
            // up leaves the user with the consulted one.
            Dialog leaving = fromCaller ? aDialog : winner.dialog;
            if (fromCaller == consultation.userIsCaller() ? consultation.userHungUp(leaving)
                    : consultation.otherHungUp(leaving)) {
                return;
            }
        }
        Dialog other = fromCaller ? winner.dialog : aDialog;
        if (transferorLeft != null && other != transferorLeft) {
            return; // the transferor's own BYE after an attended transfer: the call goes on without it
        }
        if (other != transferorLeft) {
            sendBye(other);
        }
        end();
    }

    /**
     * A dialog of this call ended without a BYE (JAIN-SIP gave up, e.g. no ACK ever came): the
     * call must not stay up on one side or count forever.
     */
    synchronized void dialogTerminated(Dialog dialog) {
        if (served != null && dialog == aDialog) {
            log.info("Call {}: the caller's dialog ended without BYE; the service is stopped", callId());
            cancelBranches(null);
            end();
            return;
        }
        if (state != State.ANSWERED || dialog == transferorLeft) {
            return;
        }
        if (dialog == aDialog) {
            sendBye(winner.dialog);
        } else if (winner != null && dialog == winner.dialog) {
            sendBye(aDialog);
        } else {
            return;
        }
        log.info("Call {}: a dialog ended without BYE; the call is released", callId());
        end();
    }

    /** re-INVITE, UPDATE, INFO…: sent on the other dialog with the same body; its answer comes back. */
    synchronized void relay(boolean fromCaller, ServerTransaction st) {
        Request in = st.getRequest();
        if (served != null && fromCaller) {
            served.inDialog(st);
            return;
        }
        if (transferorLeft != null && transferorLeft == (fromCaller ? aDialog : winner.dialog)) {
            answer(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST); // the transferor left this call
            return;
        }
        if (Request.REFER.equals(in.getMethod())) {
            referred(fromCaller, st);
            return;
        }
        if (state == State.ANSWERED && media.answersHere(in)) {
            media.answerHere(fromCaller, st);
            return;
        }
        try {
            if (state != State.ANSWERED) {
                st.sendResponse(b2b.sip().messages().createResponse(Response.REQUEST_PENDING, in));
                return;
            }
            Dialog other = fromCaller ? winner.dialog : aDialog;
            Request out = other.createRequest(in.getMethod());
            // Hold: the held party gets the server's music instead of the holder's hold SDP.
            HoldMusic startMusic = media.holdMusicFor(in);
            if (startMusic != null) {
                out.setContent(startMusic.offer(), b2b.sip().headers().createContentTypeHeader("application", "sdp"));
            } else if (in.getRawContent() != null) {
                out.setContent(in.getRawContent(), (ContentTypeHeader) in.getHeader(ContentTypeHeader.NAME));
            }
            if (Request.INVITE.equals(in.getMethod())) {
                out.setHeader(b2b.sip().contactHeader(((ViaHeader) out.getHeader(ViaHeader.NAME)).getTransport()));
            }
            ClientTransaction ct = b2b.sip().provider().getNewClientTransaction(out);
            ct.setApplicationData(new Relay(this, st, other, startMusic));
            other.sendRequest(ct);
        } catch (Exception e) {
            log.info("Call {}: could not relay {}: {}", callId(), in.getMethod(), e.toString());
            try {
                st.sendResponse(b2b.sip().messages().createResponse(Response.SERVER_INTERNAL_ERROR, in));
            } catch (Exception ignored) {
                // the transaction is gone; the other side retries or hangs up
            }
        }
    }

    /**
     * A REFER: with Replaces an attended transfer (either side may send it); without, a blind
     * transfer by the called user, the AI service or the caller. A REFER before the answer or while
     * a transfer is under way gets 403.
     */
    private void referred(boolean fromCaller, ServerTransaction st) {
        try {
            ReplacesHeader replaces = state == State.ANSWERED
                    ? AttendedTransfer.replaces(b2b, st.getRequest()) : null;
            if (replaces != null) {
                new AttendedTransfer(b2b, this).refer(fromCaller ? aDialog : winner.dialog, st, replaces);
            } else if (state == State.ANSWERED && !fromCaller) {
                referFromCallee(st);
            } else if (state == State.ANSWERED && transferorLeft == null && consultation == null) {
                transfers.byCaller(st);
            } else {
                // Not answered yet, or already being transferred: not now (the phone keeps its call).
                log.info("Call {}: REFER refused with 403 (call {}, {})", callId(), state,
                        transferorLeft != null || consultation != null ? "a transfer is under way" : "not answered");
                answer(st, Response.FORBIDDEN);
            }
        } catch (Exception e) {
            log.info("Call {}: REFER not handled: {}", callId(), e.toString());
        }
    }

    void answer(ServerTransaction st, int status) {
        try {
            st.sendResponse(b2b.sip().messages().createResponse(status, st.getRequest()));
        } catch (Exception ignored) {
            // the transaction is gone
        }
    }

    // ---- for its transfers and in-call keys (CallTransfers, InCallKeys); they call under this call's lock ----

    /** The answering party's branch while the call is answered, else null. */
    Branch winner() {
        return winner;
    }

    BridgeMedia bridgeMedia() {
        return media;
    }

    /** A user's hold or consultation by DTMF code, while it lasts (GEN-05/06), else null. */
    Consultation consultation() {
        return consultation;
    }

    void consultation(Consultation c) {
        consultation = c;
    }

    /** No transferor left this call by an attended transfer: both parties are still its own. */
    boolean transferorStayed() {
        return transferorLeft == null;
    }

    boolean callerAnswered() {
        return callerAnswered;
    }

    /**
     * {@code from}'s leg is done and leaves the call; the caller's side of the released bridge goes
     * to a session of the server, which is returned. The caller has the 200 of the bridge, so what
     * follows ends with a BYE.
     */
    ServedCall takeBackCaller(Branch from, MediaAnchor.CallerSide callerSide) {
        from.done = true;
        winner = null;
        served = b2b.media().takeBack(this, callerSide);
        callerAnswered = true;
        return served;
    }

    /** The server serves the caller taken back (a parked call, PARK-02). */
    void servedByServer() {
        state = State.SERVED;
    }

    /** The caller taken back is routed on with {@code d} (a transfer's target). */
    void routeOn(RoutingDecision d) {
        state = State.ROUTING;
        execute(d);
    }

    // ---- attended transfer (AttendedTransfer carries it out) ----

    /** Whether {@code dialog} is a party of this answered call that has not left it (an attended transfer names it). */
    synchronized boolean answeredWithParty(Dialog dialog) {
        return state == State.ANSWERED && transferorLeft == null && winner != null
                && (dialog == aDialog || dialog == winner.dialog);
    }

    /**
     * Runs {@code then} under this call's lock once the call's media is at the server: at once when it
     * is anchored, else after both parties were re-INVITEd into the server ({@link Reanchoring});
     * {@code failed} when that cannot be done or the call changed meanwhile.
     */
    synchronized void withMediaAtServer(Runnable then, Runnable failed) {
        if (media.anchored()) {
            then.run();
            return;
        }
        if (state != State.ANSWERED || winner == null || b2b.media() == null) {
            failed.run();
            return;
        }
        Branch with = winner;
        Reanchoring.start(b2b, this, aDialog, with.dialog, anchor -> {
            if (state == State.ANSWERED && winner == with && !media.anchored() && transferorLeft == null) {
                media.adopt(anchor);
                then.run();
            } else {
                anchor.close();
                failed.run();
            }
        }, failed);
    }

    /** Whether {@code transferor}'s leg can leave this answered, anchored call for an attended transfer. */
    synchronized boolean canLeaveForTransfer(Dialog transferor) {
        return state == State.ANSWERED && media.anchored() && transferorLeft == null && winner != null
                && (transferor == aDialog || transferor == winner.dialog);
    }

    /**
     * Attended transfer: {@code transferor}'s leg leaves the call (its requests are answered 481 from
     * now on); the other party's session stays, unbridged, for the caller to bridge elsewhere. Null
     * when the call cannot be taken over (ended, not anchored).
     */
    synchronized MediaSession leaveForTransfer(Dialog transferor, Consumer<B2bCall> ends) {
        if (!canLeaveForTransfer(transferor)) {
            return null;
        }
        transferorLeft = transferor;
        afterTransferEnds = ends;
        // The leaving user is in a call no more (USR-11 busy; a transfer may ring it back, GEN-04).
        if (transferor == aDialog) {
            counts.leave(setup.callerUser(), setup.callerChannel());
        } else {
            counts.leave(winner.user, winner.channel);
        }
        return media.keepSide(transferor != aDialog);
    }

    synchronized void notifyTransferor(Dialog transferor, String sipfrag) {
        transfers.notifyRefer(transferor, sipfrag, "terminated;reason=noresource", null);
    }

    /** The attended transfer is done: the transferor hears so (NOTIFY 200), then its leg ends. */
    synchronized void notifyTransferorThenBye(Dialog transferor) {
        if (transferor == transferorLeft) {
            transfers.notifyReferThenBye(transferor);
        }
    }

    synchronized void byeTransferor(Dialog transferor) {
        if (transferor == transferorLeft) {
            sendBye(transferor);
        }
    }

    /** The party this call was joined to by a transfer hung up: the remaining party gets a BYE. */
    synchronized void hangUpAfterTransfer() {
        if (transferorLeft == null || state != State.ANSWERED) {
            return;
        }
        sendBye(transferorLeft == aDialog ? winner.dialog : aDialog);
        end();
    }

    /** A relayed request, where its answer goes back to, and the hold music it starts (or null). */
    record Relay(B2bCall call, ServerTransaction origin, Dialog target, HoldMusic music) {
    }

    synchronized void relayResponse(Relay relay, Response r) {
        int status = r.getStatusCode();
        if (status == Response.TRYING) {
            return;
        }
        try {
            Request in = relay.origin().getRequest();
            media.relayAnswered(relay.music(), in, r, state == State.ANSWERED);
            Response back = b2b.sip().messages().createResponse(status, in);
            if (r.getRawContent() != null) {
                back.setContent(r.getRawContent(), (ContentTypeHeader) r.getHeader(ContentTypeHeader.NAME));
            }
            if (Request.INVITE.equals(in.getMethod()) && status >= 200 && status < 300) {
                back.addHeader(b2b.sip().contactHeader(((ViaHeader) in.getHeader(ViaHeader.NAME)).getTransport()));
                ackDialog = relay.target();
                ackCseq = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber();
            }
            relay.origin().sendResponse(back);
        } catch (Exception e) {
            log.info("Call {}: could not relay a {}: {}", callId(), status, e.toString());
        }
    }

    /** A refusal decided before any leg exists: the decision's status with a Reason, statelessly cheap. */
    static void refuse(SipServer sip, javax.sip.RequestEvent event, RoutingDecision d) throws Exception {
        int status = d.reject().sipStatus();
        String reason = d.reject().reason() == null ? d.reject().cause().name() : d.reject().reason();
        Response out = sip.messages().createResponse(status, event.getRequest());
        out.addHeader(sip.headers().createReasonHeader("SIP", status, reason.replace('"', '\'')));
        sip.send(event, out);
        log.debug("Call to {} refused with {} {}", event.getRequest().getRequestURI(), status, reason);
    }

    // ---- the caller's leg, for a media service (CallerLeg) ----

    Setup setup() {
        return setup;
    }

    @Override
    public long tenantId() {
        return setup.tenantId();
    }

    @Override
    public TenantView view() {
        return setup.view();
    }

    @Override
    public String callerNumber() {
        return setup.callerNumber();
    }

    @Override
    public String callerName() {
        return setup.callerName();
    }

    @Override
    public String callerUser() {
        return setup.callerUser();
    }

    @Override
    public String callerChannel() {
        return setup.callerChannel();
    }

    @Override
    public String called() {
        return setup.called();
    }

    @Override
    public String offer() {
        byte[] body = aInvite.getRawContent();
        return body == null || body.length == 0 ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void answer(String sdp) {
        try {
            Response ok = b2b.sip().messages().createResponse(Response.OK, aInvite);
            toTag(ok);
            ok.addHeader(b2b.sip().contactHeader(transportOfA()));
            ok.setContent(sdp, b2b.sip().headers().createContentTypeHeader("application", "sdp"));
            aTx.sendResponse(ok);
            answeredAt = b2b.now();
            callerAnswered = true;
            callerAckPending = true;
        } catch (Exception e) {
            log.warn("Call {}: could not answer with the media service: {}", callId(), e.toString());
            end();
        }
    }

    @Override
    public synchronized void refuse(int status, String reason) {
        if (state != State.ENDED) {
            finalToCaller(status, reason);
        }
    }

    @Override
    public synchronized void hangUp() {
        if (callerAnswered && state != State.ENDED) {
            cancelBranches(null);
            sendBye(aDialog);
            end();
        }
    }

    /**
     * Ended by the server whatever its state (an instance drained): a caller not answered yet gets
     * 480, ringing branches a CANCEL, every answered leg a BYE.
     */
    synchronized void endByServer() {
        if (state == State.ENDED) {
            return;
        }
        cancelBranches(null);
        if (!callerAnswered && state != State.ANSWERED) {
            finalToCaller(Response.TEMPORARILY_UNAVAILABLE, "ended by the server");
            return;
        }
        if (aDialog != transferorLeft) {
            sendBye(aDialog);
        }
        if (winner != null && winner.dialog != null && winner.dialog != transferorLeft) {
            sendBye(winner.dialog);
        }
        end();
    }

    @Override
    public synchronized void locked(Runnable task) {
        task.run();
    }

    // ---- ending ----

    private void finalToCaller(int status, String reason) {
        if (callerAnswered) {
            // Answered by the server already (a menu ran): no final response left to give.
            log.debug("Call {} after the server's answer ended with {} {}", callId(), status, reason);
            cancelBranches(null);
            sendBye(aDialog);
            end();
            return;
        }
        try {
            Response out = b2b.sip().messages().createResponse(status, aInvite);
            toTag(out);
            if (reason != null) {
                out.addHeader(b2b.sip().headers().createReasonHeader("SIP", status, reason.replace('"', '\'')));
            }
            aTx.sendResponse(out);
        } catch (Exception e) {
            log.debug("Call {}: final {} to the caller failed: {}", callId(), status, e.toString());
        }
        finalStatus = status;
        finalReason = reason;
        // Per call, so DEBUG: at hundreds of calls a second the log would cost more than the call.
        log.debug("Call {} from {} to {} ended with {} {}", callId(), setup.callerNumber(), setup.called(), status,
                reason == null ? "" : reason);
        end();
    }

    void sendBye(Dialog dialog) {
        if (dialog == aDialog && callerAckPending) {
            // RFC 3261 §15: a UAS does not send BYE before the ACK of its 2xx (a phone may drop a
            // BYE that overtakes its ACK). It goes out with the ACK, or after a short wait without one.
            if (!byeAfterAck) {
                byeAfterAck = true;
                b2b.timer().schedule(this::byeWithoutAck, ACK_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = b2b.sip().provider().getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.debug("Call {}: BYE failed: {}", callId(), e.toString());
        }
    }

    private synchronized void byeWithoutAck() {
        if (byeAfterAck) {
            byeAfterAck = false;
            callerAckPending = false;
            sendBye(aDialog);
        }
    }

    private void end() {
        if (state == State.ENDED) {
            return;
        }
        State was = state;
        state = State.ENDED;
        cancelTimers();
        leaveMenu();
        agentRing = null;
        // Counts first: a queue told that its agent is free decides on its own thread at once, and
        // must not still count this call as the agent's (QUE-08), or the agent waits for the next event.
        counts.release();
        if (served != null) {
            served.callerHungUp();
        }
        if (bridgedAgent != null) {
            bridgedAgent.ended();
            bridgedAgent = null;
        }
        if (consultation != null) {
            consultation.callEnded();
            consultation = null;
        }
        media.close();
        b2b.ended(this);
        if (afterTransferEnds != null) {
            afterTransferEnds.accept(this);
        }
        Instant now = b2b.now();
        b2b.record(new EndedCall(setup, callId(), aInvite, first, current, startedAt, answeredAt, now, finalStatus,
                finalReason, winner == null ? null : winner.user, winner == null ? null : winner.number,
                served == null ? null : current.media(), legs.segments()));
        if (was == State.ANSWERED && winner.user != null) {
            b2b.event(CallEventType.ENDED, setup, winner.user, callId(), startedAt, answeredAt, now);
        }
        for (String user : rungUsers) {
            if (winner == null || !user.equals(winner.user)) {
                b2b.event(CallEventType.MISSED, setup, user, callId(), startedAt, null, now);
            }
        }
    }

    private void schedule(Duration after, Runnable task) {
        timers.add(b2b.timer().schedule(task, after.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void cancelTimers() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }

    private void toTag(Response r) throws Exception {
        if (r.getStatusCode() > 100) {
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(aTag);
        }
    }

    private String transportOfA() {
        return ((ViaHeader) aInvite.getHeader(ViaHeader.NAME)).getTransport();
    }
}
