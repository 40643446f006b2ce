package org.reachpbx.server.sip.media.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.queue.QueueDecision;
import org.reachpbx.rules.queue.QueueEngine;
import org.reachpbx.rules.queue.QueueState;
import org.reachpbx.rules.queue.QueueView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.queue.QueueEvents;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.queue.QueueLiveState.Waiting;
import org.reachpbx.server.sip.media.MediaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queues: every change (a caller arrives, an intro ends, an offer is not answered, a key,
 * a caller leaves, the one-second tick for wrap-up and maximum wait) asks {@link QueueEngine} what
 * to do with the queue's live state, and carries the decision out: callers join or go on, offers
 * ring agents, redirects send callers on. All of it runs on one thread, one step at a time, so the
 * state never changes under a decision; calls are reached through their own lock only.
 */
public final class QueueDispatcher {

    private static final Logger log = LoggerFactory.getLogger(QueueDispatcher.class);

    private final QueueEngine engine = new QueueEngine();
    private final QueueLiveState live;
    private final QueueEvents events;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "queue-dispatcher");
        t.setDaemon(true);
        return t;
    });
    /** The callers waiting, by call ID, and the tenant view each queue was last decided with. */
    private final Map<String, QueueCall> calls = new ConcurrentHashMap<>();
    private final Map<QueueKey, TenantView> views = new ConcurrentHashMap<>();
    private final AgentStates agentStates;
    private final ExpectedWait expectedWait = new ExpectedWait();
    /** The callers hearing an infotainment file now: not offered until it ends (QUE-29). */
    private final Set<String> infotainmentPlaying = ConcurrentHashMap.newKeySet();
    /** The infotainment step (QUE-29: 40 s); shorter in tests. */
    private volatile Duration infotainmentStep = Duration.ofSeconds(40);

    public QueueDispatcher(QueueLiveState live, QueueEvents events, Clock clock) {
        this(live, events, clock, AgentStates.UserCalls.NONE);
    }

    /** {@code userCalls}: the calls each user has up now (LiveCalls), for QUE-08 and QUE-33. */
    QueueDispatcher(QueueLiveState live, QueueEvents events, Clock clock, AgentStates.UserCalls userCalls) {
        this.live = live;
        this.events = events;
        this.clock = clock;
        this.agentStates = new AgentStates(live, userCalls, this::queue);
        worker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** The script for a call to a queue (the MEDIA decision of rule QUE-01). */
    public MediaScript callFor(MediaService service) {
        return new QueueCall(this, service.extension());
    }

    Clock clock() {
        return clock;
    }

    /**
     * An agent logs in to (or out of) a queue, as 903/904 would (QUE-10, QUE-11): the queue rules
     * decide whether it may; when accepted the live state changes and waiting calls are offered.
     */
    public QueueDecision.Login login(TenantView view, String queue, String agent, boolean in) {
        QueueKey key = new QueueKey(view.tenantId(), queue);
        java.util.concurrent.CompletableFuture<QueueDecision.Login> answer = new java.util.concurrent.CompletableFuture<>();
        run(() -> {
            try {
                views.put(key, view);
                QueueView q = queue(key);
                if (q == null) {
                    answer.complete(null);
                    return;
                }
                QueueState s = state(key, q, null, null, null);
                s = new QueueState(s.now(), null, s.waiting(), s.agents(), s.lastOffered(), in ? agent : null,
                        in ? null : agent, s.randomSeed());
                QueueDecision d = engine.decide(s, q, view, clock);
                if (d.login() != null && d.login().accepted()) {
                    if (in) {
                        live.login(key, agent);
                    } else {
                        live.logout(key, agent);
                    }
                }
                answer.complete(d.login());
                carry(key, d);
                dispatch(key);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the queue did not answer in time", e);
        }
    }

    public QueueLiveState live() {
        return live;
    }

    public void shutdown() {
        worker.shutdownNow();
    }

    // ---- events from the calls (any thread): queued for the worker ----

    void arrive(QueueCall c) {
        run(() -> arrived(c));
    }

    void introEnded(QueueCall c) {
        run(() -> {
            live.introEnded(c.key(), c.callId());
            dispatch(c.key());
        });
    }

    void keyed(QueueCall c, char digit) {
        run(() -> {
            if (calls.containsKey(c.callId())) {
                decide(c.key(), c.callId(), String.valueOf(digit), null);
            }
        });
    }

    /** The offer rang at {@code agents} without an answer: they are free again, tried in this cycle. */
    void notAnswered(QueueCall c, List<String> agents, boolean dispatchNow) {
        run(() -> {
            for (String a : agents) {
                live.ringing(c.key().tenantId(), a, false);
                live.tried(c.key(), c.callId(), a);
            }
            live.offered(c.key(), c.callId(), false);
            if (dispatchNow) {
                dispatch(c.key());
            }
        });
    }

    /** An offer the call could not take now (an infotainment file started): nobody was tried. */
    void withdrawn(QueueCall c, List<String> agents) {
        run(() -> {
            agents.forEach(a -> live.ringing(c.key().tenantId(), a, false));
            live.offered(c.key(), c.callId(), false);
        });
    }

    void answered(QueueCall c, String agent, List<String> rung) {
        Instant now = clock.instant();
        run(() -> {
            rung.forEach(a -> live.ringing(c.key().tenantId(), a, false));
            Waiting w = leave(c);
            if (agent != null) {
                live.callStarted(c.key(), agent);
            }
            events.answered(c.key(), c.callId(), agent, now, waited(w, now));
            expectedWait.answered(c.key(), c.view().zone(), now, waited(w, now));
            dispatch(c.key());
        });
    }

    void talked(QueueCall c, String agent, Instant answeredAt) {
        Instant now = clock.instant();
        run(() -> {
            if (agent == null) {
                return;
            }
            live.callEnded(c.key(), agent, now, Duration.between(answeredAt, now).toSeconds());
            QueueView q = queue(c.key());
            events.talked(c.key(), agent, now, Duration.between(answeredAt, now),
                    Duration.ofSeconds(q == null ? 0 : q.wrapUpTime()));
            dispatch(c.key());
        });
    }

    void hungUp(QueueCall c, List<String> ringing) {
        Instant now = clock.instant();
        run(() -> {
            ringing.forEach(a -> live.ringing(c.key().tenantId(), a, false));
            Waiting w = leave(c);
            if (w != null) {
                events.abandoned(c.key(), c.callId(), now, waited(w, now));
            }
            dispatch(c.key());
        });
    }

    /** The caller's position now (1 = next), 0 when not waiting. */
    int position(QueueCall c) {
        List<Waiting> w = live.waiting(c.key());
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).callId().equals(c.callId())) {
                return i + 1;
            }
        }
        return 0;
    }

    Duration infotainmentStep() {
        return infotainmentStep;
    }

    /** Tests shorten the 40 s infotainment step instead of waiting it out. */
    void infotainmentStep(Duration step) {
        infotainmentStep = step;
    }

    /** QUE-29: an infotainment file starts ({@code true}) or ended; after it the call may be offered again. */
    void infotainment(QueueCall c, boolean playing) {
        run(() -> {
            if (playing) {
                infotainmentPlaying.add(c.callId());
            } else if (infotainmentPlaying.remove(c.callId())) {
                dispatch(c.key());
            }
        });
    }

    /** QUE-28: the expected wait for a caller of this queue now, in whole minutes. */
    int expectedWaitMinutes(QueueCall c) {
        return expectedWait.minutes(c.key(), c.view().zone(), clock.instant());
    }

    void later(Duration after, Runnable task) {
        worker.schedule(() -> guarded(task), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Runnable task) {
        worker.execute(() -> guarded(task));
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Queue step failed: {}", e.toString(), e);
        }
    }

    // ---- on the worker ----

    private void arrived(QueueCall c) {
        QueueKey key = c.key();
        views.put(key, c.view());
        QueueView q = queue(key);
        if (q == null) {
            c.leaveTo(null, "NO_QUEUE");
            return;
        }
        Instant now = clock.instant();
        QueueDecision d = engine.decide(state(key, q, QueueState.Caller.arriving(c.callId()), null, null), q,
                c.view(), clock);
        boolean joins = d.admission() == QueueDecision.Admission.JOIN;
        events.entered(key, c.callId(), now, joins);
        if (!joins) {
            log.debug("Queue {}: call {} not admitted ({}), to {}", key.queue(), c.callId(), d.admission(), d.destination());
            c.leaveTo(d.destination(), d.admission().name());
            return;
        }
        boolean intro = d.announcements() != null && d.announcements().intro();
        live.join(key, c.callId(), now, intro);
        calls.put(c.callId(), c);
        c.joined(q, d.announcements(), now);
        carry(key, d);
    }

    private void tick() {
        guarded(() -> live.busyQueues().forEach(this::dispatch));
    }

    private void dispatch(QueueKey key) {
        decide(key, null, null, null);
    }

    private void decide(QueueKey key, String keyedBy, String keyed, QueueState.Caller arriving) {
        QueueView q = queue(key);
        if (q == null) {
            return;
        }
        TenantView view = views.get(key);
        carry(key, engine.decide(state(key, q, arriving, keyedBy, keyed), q, view, clock));
    }

    /** The engine's input: callers not ringing at an agent now, members and logged-in agents. */
    private QueueState state(QueueKey key, QueueView q, QueueState.Caller arriving, String keyedBy, String keyed) {
        List<QueueState.Caller> waiting = new ArrayList<>();
        for (Waiting w : live.waiting(key)) {
            if (!w.offered()) {
                waiting.add(new QueueState.Caller(w.callId(), w.joinedAt(), w.introPlaying(),
                        infotainmentPlaying.contains(w.callId()),
                        w.callId().equals(keyedBy) ? keyed : null, w.tried()));
            }
        }
        Set<String> agents = new LinkedHashSet<>(q.members());
        agents.addAll(live.loggedIn(key));
        List<QueueState.Agent> state = new ArrayList<>();
        TenantView view = views.get(key);
        for (String a : agents) {
            state.add(agentStates.of(key, view, a));
        }
        return new QueueState(clock.instant(), arriving, waiting, state, live.lastOffered(key), null, null,
                ThreadLocalRandom.current().nextLong());
    }

    private void carry(QueueKey key, QueueDecision d) {
        Instant now = clock.instant();
        for (QueueDecision.Redirect r : d.redirects()) {
            QueueCall c = calls.get(r.caller());
            if (c != null) {
                Waiting w = leave(c);
                events.left(key, c.callId(), r.reason(), now, waited(w, now));
                log.debug("Queue {}: call {} leaves ({}) to {}", key.queue(), c.callId(), r.reason(), r.destination());
                if (r.afterCurrentFile()) {
                    c.leaveAfterTheFile(r.destination(), r.reason()); // QUE-35: infotainment is never interrupted
                } else {
                    c.leaveTo(r.destination(), r.reason());
                }
            }
        }
        for (QueueDecision.Offer o : d.offers()) {
            QueueCall c = calls.get(o.caller());
            if (c == null) {
                continue;
            }
            live.offered(key, c.callId(), true);
            List<String> agents = new ArrayList<>();
            for (QueueDecision.AgentOffer a : o.agents()) {
                agents.add(a.agent());
                live.ringing(key.tenantId(), a.agent(), true);
                live.offeredTo(key, a.agent(), now);
            }
            log.debug("Queue {}: call {} offered to {}", key.queue(), c.callId(), agents);
            c.offer(o.agents(), o.ringTimeout());
        }
    }

    private Waiting leave(QueueCall c) {
        Waiting w = null;
        for (Waiting x : live.waiting(c.key())) {
            if (x.callId().equals(c.callId())) {
                w = x;
            }
        }
        live.leave(c.key(), c.callId());
        calls.remove(c.callId());
        infotainmentPlaying.remove(c.callId());
        return w;
    }

    private static Duration waited(Waiting w, Instant now) {
        return w == null ? Duration.ZERO : Duration.between(w.joinedAt(), now);
    }

    private QueueView queue(QueueKey key) {
        TenantView view = views.get(key);
        return view != null && view.extension(key.queue()) instanceof MediaExtensionView e
                && e.type() == org.reachpbx.rules.vocabulary.ExtensionType.QUEUE ? QueueView.from(e) : null;
    }
}
