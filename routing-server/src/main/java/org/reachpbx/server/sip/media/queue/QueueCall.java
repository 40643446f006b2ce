package org.reachpbx.server.sip.media.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.queue.QueueDecision;
import org.reachpbx.rules.queue.QueueView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.media.AgentRing;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * One caller in a queue, answered by the server: what the caller hears while waiting (QUE-26..32:
 * join tone, intro, position announcements, the queue's music, ringback or the account's music),
 * the exit key (QUE-34), and the offers the {@link QueueDispatcher} makes, rung through the call's
 * {@link org.reachpbx.server.sip.media.CallerLeg#ringAgents} while the caller keeps hearing the music.
 * The dispatcher decides; this class plays and rings. Methods named by the dispatcher run on its
 * thread and take the call's lock themselves.
 */
final class QueueCall implements MediaScript {

    private final QueueDispatcher dispatcher;
    private final String queue;
    private ServedCall call;
    private QueueKey key;
    private QueueView config;
    private QueueDecision.MusicOnHold music;
    /** The agents the current offer rings (empty when none rings). */
    private List<String> ringing = List.of();
    /** The caller left the queue (bridged, sent on, or hung up): nothing more to play or ring. */
    private boolean left;
    /** An infotainment file plays now: nothing interrupts it (QUE-29). */
    private boolean inFile;
    /** Where the caller goes when the file ends (maximum wait during infotainment, QUE-35). */
    private Runnable afterFile;

    QueueCall(QueueDispatcher dispatcher, String queue) {
        this.dispatcher = dispatcher;
        this.queue = queue;
    }

    @Override
    public void start(ServedCall call) {
        this.call = call;
        this.key = new QueueKey(call.leg().tenantId(), queue);
        dispatcher.arrive(this);
    }

    @Override
    public boolean callerHungUp(ServedCall call) {
        if (!left) {
            left = true;
            dispatcher.hungUp(this, ringing);
        }
        return false;
    }

    QueueKey key() {
        return key;
    }

    String callId() {
        return call.leg().callId();
    }

    TenantView view() {
        return call.leg().view();
    }

    // ---- what the dispatcher decided ----

    /** The caller joined: join tone, intro, then the music; the exit key listens from now on. */
    void joined(QueueView q, QueueDecision.Announcements a, Instant joinedAt) {
        call.leg().locked(() -> {
            if (left || call.over()) {
                return;
            }
            config = q;
            music = a == null || a.musicOnHold() == null ? QueueDecision.MusicOnHold.RINGBACK : a.musicOnHold();
            if (q.exitDestination() != null) {
                call.media().onDigit(d -> dispatcher.keyed(this, d));
            }
            List<Prompt> first = new ArrayList<>();
            if (a != null && a.joinTone()) {
                first.addAll(call.services().ringback());
            }
            boolean intro = a != null && a.intro();
            if (intro) {
                QueueSounds.find(call.services(), key.tenantId(), q.intro()).ifPresent(first::add);
            }
            boolean infotainment = a != null && a.infotainment() && !q.infotainment().isEmpty();
            Runnable afterIntro = () -> {
                if (intro) {
                    dispatcher.introEnded(this);
                }
                music();
                if (infotainment) {
                    infotainmentFrom(Instant.now(), 0);
                }
            };
            if (first.isEmpty()) {
                afterIntro.run();
            } else {
                call.play(first, afterIntro);
            }
            if (a != null && a.positionAnnouncement() && q.positionAnnouncementInterval() != null) {
                announceEvery(Duration.ofSeconds(q.positionAnnouncementInterval()));
            }
            if (q.expectedWaitAnnouncementInterval() != null) {
                announceExpectedWaitEvery(Duration.ofSeconds(q.expectedWaitAnnouncementInterval()));
            }
        });
    }

    /** QUE-27: "you are number N in the queue" every interval, then the music again. */
    private void announceEvery(Duration interval) {
        dispatcher.later(interval, () -> {
            int position = dispatcher.position(this);
            if (position <= 0) {
                return;
            }
            call.leg().locked(() -> {
                if (left || call.over()) {
                    return;
                }
                call.play(call.prompts().in(config.language()).of("queue-you-are-number", "number-" + Math.min(position, 99),
                        "queue-in-the-queue"), this::music);
            });
            announceEvery(interval);
        });
    }

    /**
     * QUE-29: file {@code index} of the infotainment plays at the next 40 s step after {@code start}
     * (the intro's end), once, and not before the previous one ended; a call ringing at an agent
     * then waits for the offer's outcome. While a file plays the call is not offered.
     */
    private void infotainmentFrom(Instant start, int index) {
        if (index >= config.infotainment().size()) {
            return;
        }
        Duration step = dispatcher.infotainmentStep();
        Instant due = start.plus(step.multipliedBy(index + 1L));
        Duration wait = Duration.between(Instant.now(), due);
        dispatcher.later(wait.isNegative() ? Duration.ZERO : wait, () -> playInfotainment(start, index));
    }

    private void playInfotainment(Instant start, int index) {
        call.leg().locked(() -> {
            if (left || call.over()) {
                return;
            }
            if (!ringing.isEmpty()) {
                dispatcher.later(Duration.ofSeconds(1), () -> playInfotainment(start, index));
                return;
            }
            java.util.Optional<Prompt> file = QueueSounds.find(call.services(), key.tenantId(),
                    config.infotainment().get(index));
            if (file.isEmpty()) {
                infotainmentFrom(start, index + 1);
                return;
            }
            inFile = true;
            dispatcher.infotainment(this, true);
            call.play(List.of(file.get()), () -> {
                inFile = false;
                dispatcher.infotainment(this, false);
                if (afterFile != null) {
                    afterFile.run();
                    return;
                }
                music();
                infotainmentFrom(start, index + 1);
            });
        });
    }

    /** QUE-28: "the expected waiting time is N minutes" every interval while waiting, then the music again. */
    private void announceExpectedWaitEvery(Duration interval) {
        dispatcher.later(interval, () -> {
            if (dispatcher.position(this) <= 0) {
                return;
            }
            int minutes = dispatcher.expectedWaitMinutes(this);
            call.leg().locked(() -> {
                if (left || call.over() || inFile) {
                    return;
                }
                Prompts p = call.prompts().in(config.language());
                List<Prompt> say = new ArrayList<>(p.of("queue-expected-wait"));
                say.addAll(minutes == 0 ? p.of("queue-less-than-a-minute")
                        : minutes == 1 ? p.of("minute") : p.of("number-" + Math.min(minutes, 99), "minutes"));
                call.play(say, this::music);
            });
            announceExpectedWaitEvery(interval);
        });
    }

    /** QUE-30: ringback when the queue's music is off, its playlist in random order, else the account's. */
    private void music() {
        switch (music) {
            case RINGBACK -> call.loop(call.services().ringback());
            case QUEUE_PLAYLIST -> call.background(() -> QueueSounds.shuffled(call.services(), key.tenantId(),
                    config.musicOnHoldPlaylist()), call::loop);
            case ACCOUNT_MOH -> call.background(() -> QueueSounds.account(call.services(), key.tenantId()), call::loop);
        }
    }

    /** The dispatcher offers this call to {@code agents}: their phones ring, the caller keeps the music. */
    void offer(List<QueueDecision.AgentOffer> agents, int ringTimeout) {
        List<String> names = agents.stream().map(QueueDecision.AgentOffer::agent).toList();
        call.leg().locked(() -> {
            if (left || call.over()) {
                dispatcher.notAnswered(this, names, false);
                return;
            }
            if (inFile) {
                // Decided just before the file started: the call is offered only after it (QUE-29).
                dispatcher.withdrawn(this, names);
                return;
            }
            List<RingTarget> targets = new ArrayList<>();
            java.util.Map<String, String> agentOf = new java.util.HashMap<>();
            String outside = null;
            for (QueueDecision.AgentOffer a : agents) {
                for (RingTarget t : targetsOf(a)) {
                    targets.add(t);
                    if (t.user() != null) {
                        agentOf.putIfAbsent(t.user(), a.agent());
                    } else if (outside == null) {
                        outside = a.agent();
                    }
                }
            }
            ringing = names;
            call.openCalleeKeepingSound();
            call.leg().ringAgents(targets, ringTimeout, new Offer(names, agentOf, outside));
        });
    }

    /**
     * A user agent rings on all their devices (QUE-08 f); a forward-extension agent at its number
     * (QUE-38, FWD-02); with individual forwarding an agent whose forward always is on rings where
     * it forwards to: another user's devices, or the outside number (QUE-36).
     */
    private List<RingTarget> targetsOf(QueueDecision.AgentOffer a) {
        if (a.type() == ExtensionType.FORWARD && a.number() != null) {
            return List.of(RingTarget.external(a.number()));
        }
        if (a.followReach() && a.forwardTo() != null) {
            return view().extension(a.forwardTo()) instanceof UserView to ? devicesOf(to)
                    : List.of(RingTarget.external(a.forwardTo()));
        }
        return view().extension(a.agent()) instanceof UserView u ? devicesOf(u) : List.of();
    }

    private static List<RingTarget> devicesOf(UserView u) {
        List<RingTarget> out = new ArrayList<>();
        for (DeviceView d : u.devices()) {
            out.add(RingTarget.device(u.number(), d.name(), d.channel(), d.mobileNumber()));
        }
        return out;
    }

    /** As {@link #leaveTo}, but when the infotainment file playing now has ended (QUE-35, QUE-29). */
    void leaveAfterTheFile(String destination, String reason) {
        call.leg().locked(() -> {
            if (inFile) {
                afterFile = () -> leaveTo(destination, reason);
            } else {
                leaveTo(destination, reason);
            }
        });
    }

    /** The caller leaves the queue to {@code destination} (null: busy, the server hangs up). */
    void leaveTo(String destination, String reason) {
        call.leg().locked(() -> {
            if (left || call.over()) {
                return;
            }
            left = true;
            if (destination == null) {
                call.hangUp();
            } else {
                call.leg().continueTo(destination);
            }
        });
    }

    /**
     * The outcome of one offer. The queue call counts for the agent it was offered to, also when
     * another user's phone or an outside number answered for them (QUE-36, QUE-38).
     */
    private final class Offer implements AgentRing {
        private final List<String> agents;
        /** The agent each ringing user stands in for; the agent behind the outside number. */
        private final java.util.Map<String, String> agentOf;
        private final String outside;
        private String agent;
        private Instant answeredAt;
        private final long startedAt = System.nanoTime();

        Offer(List<String> agents, java.util.Map<String, String> agentOf, String outside) {
            this.agents = agents;
            this.agentOf = agentOf;
            this.outside = outside;
        }

        @Override
        public void answered(String user) {
            left = true;
            ringing = List.of();
            agent = user == null ? outside : agentOf.getOrDefault(user, user);
            answeredAt = Instant.now(dispatcherClock());
            dispatcher.answered(QueueCall.this, agent, agents);
        }

        @Override
        public void notAnswered() {
            ringing = List.of();
            call.closeCallee();
            // Legs that failed at once (no phone registered): the next try waits for the queue's tick.
            boolean rang = System.nanoTime() - startedAt > 1_000_000_000L;
            dispatcher.notAnswered(QueueCall.this, agents, rang);
        }

        @Override
        public void ended() {
            dispatcher.talked(QueueCall.this, agent, answeredAt);
        }
    }

    private java.time.Clock dispatcherClock() {
        return dispatcher.clock();
    }
}
