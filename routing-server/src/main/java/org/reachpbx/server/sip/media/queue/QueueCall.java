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
            Runnable afterIntro = () -> {
                if (intro) {
                    dispatcher.introEnded(this);
                }
                music();
            };
            if (first.isEmpty()) {
                afterIntro.run();
            } else {
                call.play(first, afterIntro);
            }
            if (a != null && a.positionAnnouncement() && q.positionAnnouncementInterval() != null) {
                announceEvery(Duration.ofSeconds(q.positionAnnouncementInterval()));
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
            List<RingTarget> targets = new ArrayList<>();
            for (QueueDecision.AgentOffer a : agents) {
                targets.addAll(targetsOf(a));
            }
            ringing = names;
            call.openCalleeKeepingSound();
            call.leg().ringAgents(targets, ringTimeout, new Offer(names));
        });
    }

    /** A user agent rings on all their devices (QUE-08 f); a forward-extension agent at its number (QUE-38). */
    private List<RingTarget> targetsOf(QueueDecision.AgentOffer a) {
        if (a.type() == ExtensionType.FORWARD && a.number() != null) {
            return List.of(RingTarget.external(a.number()));
        }
        List<RingTarget> out = new ArrayList<>();
        if (view().extension(a.agent()) instanceof UserView u) {
            for (DeviceView d : u.devices()) {
                out.add(RingTarget.device(u.number(), d.name(), d.channel(), d.mobileNumber()));
            }
        }
        return out;
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

    /** The outcome of one offer. */
    private final class Offer implements AgentRing {
        private final List<String> agents;
        private String agent;
        private Instant answeredAt;
        private final long startedAt = System.nanoTime();

        Offer(List<String> agents) {
            this.agents = agents;
        }

        @Override
        public void answered(String user) {
            left = true;
            ringing = List.of();
            agent = user;
            answeredAt = Instant.now(dispatcherClock());
            dispatcher.answered(QueueCall.this, user, agents);
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
