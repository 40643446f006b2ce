package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.reachpbx.server.sip.media.MediaServices;
import org.reachpbx.server.sip.stack.SipProperties;
import org.reachpbx.server.sip.stack.SipServer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.integrations.events.CallEvent;
import org.reachpbx.integrations.events.CallEventPublisher;
import org.reachpbx.integrations.events.CallEventType;
import org.reachpbx.rules.decision.RoutingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The back-to-back user agent: starts a {@link B2bCall} for each routed INVITE and hands it every
 * later message of its legs (responses, ACK, CANCEL, BYE, in-dialog requests). Also owns what the
 * calls share: the ring timers, the live counters and the publishing of call events (off the SIP
 * threads, as publishing writes to the database).
 */
public class B2bua implements org.reachpbx.server.sip.services.CallsInProgress {

    private static final Logger log = LoggerFactory.getLogger(B2bua.class);

    private final SipProperties properties;
    private final UserDevices devices;
    private final Trunks trunks;
    private final LiveCalls live;
    private final Clock clock;
    private final ObjectProvider<CallEventPublisher> publisher;
    private final Map<String, B2bCall> byCallerCallId = new ConcurrentHashMap<>();
    private final CallTimer timer = new CallTimer();
    /** INVITEs the server sends to itself for a user in a call (the ## consultation). */
    private final PlacedCalls placed = new PlacedCalls();
    private final ExecutorService events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "call-events");
                t.setDaemon(true);
                return t;
            }, this::overloaded);
    /** Events dropped because the queue was full (the database could not keep up). */
    private final java.util.concurrent.atomic.AtomicLong droppedEvents = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastDropWarning;
    private volatile SipServer sip;
    private volatile MediaServices media;
    private volatile org.reachpbx.server.sip.services.InCallServices inCall;
    private volatile CallRecorder recorder;
    private volatile CallStateListener states = (tenant, user, callId, state, initiator, remote) -> { };

    public B2bua(SipProperties properties, UserDevices devices, Trunks trunks, LiveCalls live, Clock clock,
                 ObjectProvider<CallEventPublisher> publisher) {
        this.properties = properties;
        this.devices = devices;
        this.trunks = trunks;
        this.live = live;
        this.clock = clock;
        this.publisher = publisher;
    }

    public void attach(SipServer server) {
        this.sip = server;
    }

    /** The media plane's services (voicemail, auto-answer, menus); without it MEDIA decisions get 480. */
    public void attach(MediaServices services) {
        this.media = services;
    }

    /** The in-call services (park, pickup): without them a transfer to *6 is refused. */
    public void attach(org.reachpbx.server.sip.services.InCallServices services) {
        this.inCall = services;
    }

    org.reachpbx.server.sip.services.InCallServices inCall() {
        return inCall;
    }

    @Override
    public java.util.List<org.reachpbx.rules.services.ServiceRequest.RingingCall> ringing(long tenantId) {
        java.util.List<org.reachpbx.rules.services.ServiceRequest.RingingCall> ringing = new java.util.ArrayList<>();
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId) {
                call.ringingNow().ifPresent(ringing::add);
            }
        }
        return ringing;
    }

    @Override
    public boolean pickUp(String callId, org.reachpbx.server.sip.media.MediaScript script) {
        B2bCall call = byCallerCallId.get(callId);
        if (call == null || !call.pickUp(script)) {
            return false;
        }
        // BLF: the phones that rang stopped ringing now, not when the picked-up call ends.
        for (String user : call.rungUsers()) {
            state(call.tenantId(), user, callId, CallStateListener.State.TERMINATED, false, null);
        }
        return true;
    }

    @Override
    public java.util.List<String> answeredOn(long tenantId, String user) {
        java.util.List<String> channels = new java.util.ArrayList<>();
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId) {
                String channel = call.answeredOn(user);
                if (channel != null) {
                    channels.add(channel);
                }
            }
        }
        return channels;
    }

    @Override
    public boolean moveAnswered(long tenantId, String user, String channel,
                                org.reachpbx.server.sip.media.MediaScript script) {
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId && channel.equals(call.answeredOn(user)) && call.moveCallee(script)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int answeredCalls(long tenantId, String user) {
        int n = 0;
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId && call.answeredWith(user)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean listenIn(long tenantId, String user, String exceptCallId,
                            java.util.function.Consumer<org.reachpbx.server.sip.services.CallsInProgress.Listened> then) {
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId && !call.callId().equals(exceptCallId) && call.listenIn(user, then)) {
                return true;
            }
        }
        return false;
    }

    /** Supervisors waiting for an agent's next call (LSN-02), by tenant and agent. */
    private final Map<String, java.util.Set<java.util.function.Consumer<Listened>>> waitingSupervisors =
            new ConcurrentHashMap<>();

    @Override
    public Waiting awaitNextCall(long tenantId, String user, java.util.function.Consumer<Listened> then) {
        String key = tenantId + "/" + user;
        waitingSupervisors.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(then);
        return () -> waitingSupervisors.computeIfPresent(key, (k, set) -> {
            set.remove(then);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether a supervisor waits for the next call of someone in the account (then its calls are anchored). */
    private boolean supervisorWaitsIn(long tenantId) {
        String prefix = tenantId + "/";
        for (String key : waitingSupervisors.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A call was answered: supervisors waiting for one of its parties join it (LSN-02); under the call's lock. */
    private void supervisorsJoin(B2bCall call, String... users) {
        for (String user : users) {
            java.util.Set<java.util.function.Consumer<Listened>> waiting =
                    user == null ? null : waitingSupervisors.remove(call.tenantId() + "/" + user);
            if (waiting != null) {
                for (java.util.function.Consumer<Listened> then : waiting) {
                    if (!call.listenIn(user, then)) {
                        awaitNextCall(call.tenantId(), user, then);
                    }
                }
            }
        }
    }

    MediaServices media() {
        return media;
    }

    /** Where each call's detail record goes when it ends; without one, none is kept. */
    public void attach(CallRecorder callRecorder) {
        this.recorder = callRecorder;
    }

    private volatile CallRecordings recordings = CallRecordings.NONE;

    /** Call recording (REC-01): anchors the calls of recording tenants and records answered calls. */
    public void attach(CallRecordings callRecordings) {
        this.recordings = callRecordings;
    }

    /** Whether a new call's media is anchored in the server for a service: recording (REC-01) or a waiting supervisor (LSN-02). */
    boolean anchorsForService(long tenantId) {
        return recordings.anchorsFor(tenantId) || supervisorWaitsIn(tenantId);
    }

    /** A call was answered: its recording starts when the media is anchored and a party has the right. */
    void answered(BridgeMedia media, B2bCall.Setup setup, String callId, String user, Instant at) {
        B2bCall call = byCallerCallId.get(callId);
        if (call != null && !waitingSupervisors.isEmpty()) {
            supervisorsJoin(call, user, setup.callerUser());
        }
        MediaAnchor anchor = media.anchor();
        if (anchor == null) {
            return;
        }
        try {
            recordings.answered(anchor, new CallRecordings.Answered(setup.tenantId(), callId, setup.callerUser(),
                    setup.callerNumber(), setup.called(), user, at));
        } catch (RuntimeException e) {
            log.warn("Call {}: recording not started: {}", callId, e.toString());
        }
    }

    /** Who learns how users' calls change (BLF subscriptions). */
    public void attach(CallStateListener listener) {
        this.states = listener;
    }

    /** Tells the listener; a user-less side (a trunk, a bare channel) has no state to show. */
    private void state(long tenantId, String user, String callId, CallStateListener.State state, boolean initiator,
                       String remote) {
        if (user == null) {
            return;
        }
        try {
            states.changed(tenantId, user, callId, state, initiator, remote);
        } catch (RuntimeException e) {
            log.warn("Call {}: state {} of {} not published: {}", callId, state, user, e.toString());
        }
    }

    /** Hands the record of a call that ended to the recorder (which only queues it). */
    void record(EndedCall call) {
        CallRecorder r = recorder;
        if (r != null) {
            try {
                r.record(call.toRecord(trunks));
            } catch (RuntimeException e) {
                log.warn("Call {}: no call record: {}", call.callId(), e.toString());
            }
        }
    }

    /** Starts executing the decision for a new call whose INVITE came in this server transaction. */
    void start(B2bCall.Setup setup, ServerTransaction tx, RoutingDecision decision, LiveCalls.Taken counts)
            throws Exception {
        open(setup, tx, counts).execute(decision);
    }

    /** Pickup by Replaces: a new call the server answers at once with {@code script} ({@code decision}: its record). */
    void startAnswered(B2bCall.Setup setup, ServerTransaction tx, RoutingDecision decision, LiveCalls.Taken counts,
                       org.reachpbx.server.sip.media.MediaScript script) throws Exception {
        open(setup, tx, counts).answerWith(decision, script);
    }

    private B2bCall open(B2bCall.Setup setup, ServerTransaction tx, LiveCalls.Taken counts) throws Exception {
        Dialog dialog = sip.provider().getNewDialog(tx);
        B2bCall call = new B2bCall(this, setup, tx, dialog, counts, now());
        dialog.setApplicationData(call);
        byCallerCallId.put(call.callId(), call);
        state(setup.tenantId(), setup.callerUser(), call.callId(), CallStateListener.State.EARLY, true, setup.called());
        return call;
    }

    /** BLF (RFC 4235): the dialog with its caller of the call with this Call-ID, while it is in progress. */
    public java.util.Optional<CallerDialog> callerDialog(String callId) {
        B2bCall call = byCallerCallId.get(callId);
        return call == null ? java.util.Optional.empty() : java.util.Optional.of(call.callerDialog());
    }

    /** The call whose caller's INVITE had this Call-ID, or null. */
    B2bCall call(String callerCallId) {
        return byCallerCallId.get(callerCallId);
    }

    /** Calls in progress (ringing or answered). */
    public int callsInProgress() {
        return byCallerCallId.size();
    }

    /**
     * Ends every call in progress ({@link B2bCall#endByServer}): for draining an instance, and for
     * the tests, where a call a failed test left behind would make the next test's users busy.
     *
     * @return how many calls were ended
     */
    public int endAll() {
        List<B2bCall> calls = List.copyOf(byCallerCallId.values());
        calls.forEach(B2bCall::endByServer);
        return calls.size();
    }

    /** Calls in progress of one tenant (the dashboard). */
    public int callsInProgress(long tenantId) {
        int n = 0;
        for (B2bCall call : byCallerCallId.values()) {
            if (call.tenantId() == tenantId) {
                n++;
            }
        }
        return n;
    }

    void ended(B2bCall call) {
        byCallerCallId.remove(call.callId(), call);
        state(call.tenantId(), call.callerUser(), call.callId(), CallStateListener.State.TERMINATED, true, call.called());
    }

    // ---- from SipServer ----

    public void response(ResponseEvent event) {
        Response r = event.getResponse();
        ClientTransaction tx = event.getClientTransaction();
        Object owner = tx != null ? tx.getApplicationData() : null;
        if (owner == null && event.getDialog() != null) {
            owner = event.getDialog().getApplicationData();
        }
        String method = ((javax.sip.header.CSeqHeader) r.getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
        if (owner instanceof Branch b) {
            // Answers to our CANCEL and BYE of a branch need nothing; only the INVITE's matter.
            if (Request.INVITE.equals(method)) {
                b.call.response(b, r);
            }
        } else if (owner instanceof B2bCall.Relay relay && tx != null) {
            relay.call().relayResponse(relay, r);
        } else if (owner instanceof Reanchoring.Leg leg && tx != null) {
            leg.owner().call().locked(() -> leg.owner().response(leg, r));
        } else if (owner instanceof CallTransfers.NotifySent notify && r.getStatusCode() >= 200) {
            notify.answered();
        } else if (owner instanceof PlacedCall call && Request.INVITE.equals(method)) {
            call.owner().locked(() -> call.response(r));
        }
    }

    public void timeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof Branch b) {
            b.call.timeout(b);
        } else if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof Reanchoring.Leg leg) {
            leg.owner().call().locked(leg.owner()::timeout);
        } else if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof CallTransfers.NotifySent notify) {
            notify.answered();
        } else if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof PlacedCall call
                && Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
            call.owner().locked(call::timeout);
        }
    }

    public void dialogTerminated(Dialog dialog) {
        Object owner = dialog == null ? null : dialog.getApplicationData();
        if (owner instanceof B2bCall call) {
            call.dialogTerminated(dialog);
        } else if (owner instanceof Branch b) {
            b.call.dialogTerminated(dialog);
        }
    }

    /**
     * An ACK on either leg: the caller's for our 2xx, or either side's for a relayed re-INVITE's
     * 2xx (hold and resume may come from the called party too).
     */
    public void ack(RequestEvent event) {
        Object owner = event.getDialog() == null ? null : event.getDialog().getApplicationData();
        if (owner instanceof B2bCall call) {
            call.ack(event.getRequest());
        } else if (owner instanceof Branch b) {
            b.call.ack(event.getRequest());
        }
    }

    /** CANCEL of a caller's INVITE: 200 for the CANCEL (or 481 when the call is unknown), then the call stops. */
    public void cancel(RequestEvent event) throws Exception {
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        B2bCall call = byCallerCallId.get(callId);
        ServerTransaction st = serverTransaction(event);
        if (call == null) {
            st.sendResponse(sip.messages().createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, event.getRequest()));
            return;
        }
        st.sendResponse(sip.messages().createResponse(Response.OK, event.getRequest()));
        call.callerCancel();
    }

    /** BYE or another request inside a dialog of a call. */
    public void inDialog(RequestEvent event) throws Exception {
        Dialog dialog = event.getDialog();
        Object owner = dialog == null ? null : dialog.getApplicationData();
        ServerTransaction st = serverTransaction(event);
        B2bCall call;
        boolean fromCaller;
        if (owner instanceof B2bCall c) {
            call = c;
            fromCaller = true;
        } else if (owner instanceof Branch b) {
            call = b.call;
            fromCaller = false;
        } else if (owner instanceof PlacedCall placedCall) {
            placedCall.owner().locked(() -> placedCall.request(st));
            return;
        } else {
            st.sendResponse(sip.messages().createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, event.getRequest()));
            return;
        }
        if (Request.BYE.equals(event.getRequest().getMethod())) {
            call.bye(fromCaller, st);
        } else {
            call.relay(fromCaller, st);
        }
    }

    private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        ServerTransaction st = event.getServerTransaction();
        return st != null ? st : sip.provider().getNewServerTransaction(event.getRequest());
    }

    // ---- shared by the calls ----

    SipServer sip() {
        return sip;
    }

    PlacedCalls placed() {
        return placed;
    }

    UserDevices devices() {
        return devices;
    }

    Trunks trunks() {
        return trunks;
    }

    LiveCalls live() {
        return live;
    }

    /** The ring timers; tests move them forward ({@link CallTimer#runDueWithin}). */
    CallTimer timer() {
        return timer;
    }

    int maxDecisions() {
        return properties.getMaxDecisionsPerCall();
    }

    Instant now() {
        return clock.instant();
    }

    /** Queues a call event for the CRM integrations; never blocks a SIP thread. */
    void event(CallEventType type, B2bCall.Setup setup, String extension, String callId, Instant startedAt,
               Instant answeredAt, Instant endedAt) {
        String remote = setup.callerNumber();
        switch (type) {
            case RINGING -> state(setup.tenantId(), extension, callId, CallStateListener.State.EARLY, false, remote);
            case ANSWERED -> {
                state(setup.tenantId(), extension, callId, CallStateListener.State.CONFIRMED, false, remote);
                state(setup.tenantId(), setup.callerUser(), callId, CallStateListener.State.CONFIRMED, true, extension);
            }
            case ENDED, MISSED -> state(setup.tenantId(), extension, callId, CallStateListener.State.TERMINATED, false,
                    remote);
            default -> { }
        }
        CallEventPublisher p = publisher.getIfAvailable();
        if (p == null) {
            return;
        }
        CallEvent.Builder e = CallEvent.of(type, setup.tenantId(), extension, now()).callId(callId)
                .caller(setup.callerNumber(), setup.callerName()).called(setup.called()).startedAt(startedAt)
                .answeredAt(answeredAt).endedAt(endedAt);
        if (type == CallEventType.ENDED && answeredAt != null && endedAt != null) {
            e.durationSeconds(java.time.Duration.between(answeredAt, endedAt).toSeconds());
        }
        CallEvent event = e.build();
        events.execute(() -> {
            try {
                p.publish(event);
            } catch (RuntimeException ex) {
                log.warn("Call event {} for {} not published: {}", type, extension, ex.toString());
            }
        });
    }

    /**
     * The event queue is full: calls go first, so the oldest queued event is dropped, counted and
     * reported (at most every 10 s) rather than slowing the SIP threads down.
     */
    private void overloaded(Runnable task, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            return;
        }
        executor.getQueue().poll();
        executor.getQueue().offer(task);
        long dropped = droppedEvents.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDropWarning > TimeUnit.SECONDS.toNanos(10)) {
            lastDropWarning = now;
            log.warn("Call events are produced faster than they can be stored: {} dropped since start", dropped);
        }
    }

    /** Call events dropped since start because their queue was full. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Runs database work (events, message waiting) off the SIP threads, in order. */
    public void background(Runnable task) {
        events.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException ex) {
                log.warn("Background task failed: {}", ex.toString());
            }
        });
    }

    public void shutdown() {
        timer.shutdownNow();
        events.shutdown();
    }
}
