package org.reachpbx.rules.queue;

import org.reachpbx.rules.support.RuleTrace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.queue.QueueDecision.Admission;
import org.reachpbx.rules.queue.QueueDecision.AgentOffer;
import org.reachpbx.rules.queue.QueueDecision.Announcements;
import org.reachpbx.rules.queue.QueueDecision.Login;
import org.reachpbx.rules.queue.QueueDecision.MusicOnHold;
import org.reachpbx.rules.queue.QueueDecision.Offer;
import org.reachpbx.rules.queue.QueueDecision.Redirect;
import org.reachpbx.rules.queue.QueueDecision.Unavailable;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.QueueAccess;
import org.reachpbx.rules.vocabulary.QueueStrategy;

/**
 * One queue decision: the queue, the state and the tenant, and what the rules decided. Rules bind
 * it as {@code q: /queues}; it is never modified with {@code modify} (consequences only record
 * decisions in it), so binding it never re-fires a rule.
 */
public final class QueueRun {
    private final QueueView queue;
    private final QueueState state;
    private final TenantView tenant;
    private final Instant now;
    private final RuleTrace trace;
    private final List<AgentCandidate> candidates = new ArrayList<>();
    private final List<WaitingCaller> callers = new ArrayList<>();

    private Admission admission;
    private String destination;
    private int position;
    private final List<Offer> offers = new ArrayList<>();
    private List<String> agentOrder = List.of();
    private final List<Redirect> redirects = new ArrayList<>();
    private Login login;
    private boolean joinTone;
    private boolean intro;
    private boolean introSkipped;
    private boolean positionAnnouncement;
    private boolean infotainment;
    private boolean infotainmentSuppressed;
    private MusicOnHold musicOnHold;
    private boolean alertEmergency;
    private final List<String> warnings = new ArrayList<>();

    QueueRun(QueueView queue, QueueState state, TenantView tenant, Instant now, RuleTrace trace) {
        this.queue = queue;
        this.state = state;
        this.tenant = tenant;
        this.now = now;
        this.trace = trace;
    }

    public QueueView getQueue() { return queue; }
    public QueueState getState() { return state; }
    public TenantView getTenant() { return tenant; }
    public Instant getNow() { return now; }
    public QueueStrategy getStrategy() { return queue.strategy(); }
    public boolean isRingAll() { return queue.ringAll(); }
    public boolean isClosed() { return queue.access() == QueueAccess.CLOSED; }
    public boolean isEmergency() { return queue.emergency(); }
    public int getMemberCount() { return queue.members().size(); }
    public boolean isFull() { return state.waiting().size() >= queue.callLimit(); }
    public boolean isCallLimitDestinationSet() { return queue.callLimitDestination() != null; }
    public boolean isNoAgentsDestinationSet() { return queue.noAgentsDestination() != null; }
    public boolean isExitOption() { return queue.exitDestination() != null; }
    public boolean isSecondCallToAgents() { return queue.secondCallToAgents(); }
    public boolean isIndividualForwarding() { return queue.individualForwarding(); }
    public boolean isIntroSet() { return queue.intro() != null; }
    public boolean isSkipIntroWhenPossible() { return queue.skipIntroWhenPossible(); }
    public boolean isJoinTone() { return queue.joinTone(); }
    public boolean isInfotainmentSet() { return !queue.infotainment().isEmpty(); }
    public boolean isPositionAnnouncementOn() { return queue.positionAnnouncementInterval() != null; }
    public boolean isMusicOnHold() { return queue.musicOnHold(); }
    public boolean isPlaylistSet() { return !queue.musicOnHoldPlaylist().isEmpty(); }
    public long getRandomSeed() { return state.randomSeed(); }

    List<AgentCandidate> candidates() { return candidates; }
    List<WaitingCaller> callers() { return callers; }

    /** The agents in the strategy's order: members in rank order, then open-queue agents who logged in (QUE-07, QUE-10). */
    public List<QueueState.Agent> getRanked() {
        List<AgentCandidate> ranked = new ArrayList<>();
        for (AgentCandidate a : candidates) {
            if (a.isMember()) {
                ranked.add(a);
            }
        }
        return AgentCandidate.agents(ranked);
    }

    public String getLastOffered() {
        return state.lastOffered() != null ? state.lastOffered() : AgentOrder.lastOffered(getRanked());
    }

    // ---- what the consequences decide -------------------------------------------------------

    public void note(String detail) { trace.note(detail); }
    public void warn(String warning) { warnings.add(warning); }

    /** Records the admission of the arriving caller; the rule also modifies the caller. */
    public void admit(WaitingCaller c, Admission a, String to) {
        admission = a;
        destination = to;
        if (a == Admission.JOIN) {
            position = state.waiting().size() + 1;
            note("position " + position);
        } else {
            note(to == null ? "busy" : "to " + to);
        }
    }

    public void redirect(WaitingCaller c, String to, String reason, boolean afterCurrentFile) {
        redirects.add(new Redirect(c.getId(), to, reason, afterCurrentFile));
        note(c.getId() + " to " + to);
    }

    public void login(LoginRequest r, boolean accepted, boolean becomesMember, String reason) {
        login = new Login(r.getExtension(), r.isLogin(), accepted, becomesMember, reason);
        note(r.getExtension() + (accepted ? " accepted" : " refused: " + reason));
    }

    public void order(List<String> order) {
        agentOrder = order;
        note("order " + String.join(", ", order));
    }

    public void playJoinTone() { joinTone = true; }
    public void playIntro() { intro = true; }
    public void skipIntro() { introSkipped = true; }
    public void positionAnnouncement() { positionAnnouncement = true; }
    public void infotainment() { infotainment = true; }
    public void suppressInfotainment() { infotainmentSuppressed = true; }
    public void musicOnHold(MusicOnHold m) { musicOnHold = m; }
    public void alertEmergency() { alertEmergency = true; }

    /**
     * Each available agent gets one call: callers in FIFO order (QUE-04), each to the first agent
     * in the strategy's order who is available, not yet given a call, and not yet tried by this
     * caller in this cycle (QUE-09, QUE-14, QUE-23).
     */
    public void dispatch(Ranking ranking) {
        Map<String, AgentCandidate> byExtension = availableByExtension();
        Set<String> taken = new HashSet<>();
        for (WaitingCaller c : fifo()) {
            for (String ext : ranking.getOrder()) {
                AgentCandidate a = byExtension.get(ext);
                if (a != null && !taken.contains(ext) && !c.getTried().contains(ext)) {
                    taken.add(ext);
                    offers.add(new Offer(c.getId(), List.of(a.offer(queue)), queue.ringTimeout()));
                    note(c.getId() + " to " + ext);
                    break;
                }
            }
        }
    }

    /** Ring all: the head call rings every available agent at once (QUE-16, QUE-09). */
    public void dispatchAll(Ranking ranking) {
        Map<String, AgentCandidate> byExtension = availableByExtension();
        List<AgentOffer> legs = new ArrayList<>();
        for (String ext : ranking.getOrder()) {
            AgentCandidate a = byExtension.get(ext);
            if (a != null) {
                legs.add(a.offer(queue));
            }
        }
        List<WaitingCaller> fifo = fifo();
        if (!legs.isEmpty() && !fifo.isEmpty()) {
            offers.add(new Offer(fifo.get(0).getId(), legs, queue.ringTimeout()));
            note(fifo.get(0).getId() + " to " + legs.size() + " agent(s)");
        }
    }

    /** Offerable callers, longest waiting first; the arriving caller is last (QUE-04). */
    List<WaitingCaller> fifo() {
        List<WaitingCaller> out = new ArrayList<>();
        for (WaitingCaller c : callers) {
            if (c.isOfferable()) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(WaitingCaller::getJoinedAt).thenComparing(WaitingCaller::isArriving));
        return out;
    }

    private Map<String, AgentCandidate> availableByExtension() {
        Map<String, AgentCandidate> out = new LinkedHashMap<>();
        for (AgentCandidate a : candidates) {
            if (a.isAvailable()) {
                out.put(a.getExtension(), a);
            }
        }
        return out;
    }

    QueueDecision decision(List<FiredRule> fired) {
        List<String> available = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        List<Unavailable> unavailable = new ArrayList<>();
        for (AgentCandidate a : candidates) {
            if (a.isAvailable()) {
                available.add(a.getExtension());
            } else if (a.isMember() && a.getReason() != null) {
                unavailable.add(new Unavailable(a.getExtension(), a.getReason()));
            }
            if (a.isListedInactive()) {
                inactive.add(a.getExtension());
            }
        }
        Announcements ann = admission == Admission.JOIN
                ? new Announcements(joinTone, intro, introSkipped, positionAnnouncement, infotainment,
                        infotainmentSuppressed, musicOnHold)
                : null;
        return new QueueDecision(queue.number(), admission, destination, position, List.copyOf(offers), agentOrder,
                available, inactive, unavailable, List.copyOf(redirects), login, ann, alertEmergency,
                List.copyOf(warnings), fired);
    }
}
