package org.reachpbx.rules.engine;

import org.reachpbx.rules.support.RuleTrace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.ruleunits.api.DataStore;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.Reject;
import org.reachpbx.rules.decision.RejectCause;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/**
 * The vocabulary the rules' consequences use to state their decisions: create the next hop of a
 * call, ring devices, forward, reject, connect a media service, collect digits. It only records;
 * every choice is made by a rule.
 */
public final class Routing {
    /** A forward chain longer than this is treated as a loop. */
    static final int MAX_DEPTH = 20;

    private final DataStore<Hop> hops;
    private TenantView view;
    private AnalystTables tables;
    private RuleTrace trace;
    private final Map<Integer, HopResult> results = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> callLimitsCounted = new ArrayList<>();
    private Hop root;
    private int nextId;
    private String destinationCategory;
    private String dialledNumber;
    private String emergencyAreaCode;

    Routing(DataStore<Hop> hops) {
        this.hops = hops;
    }

    /**
     * Starts the next decision. The Routing fact itself stays in the session (every rule joins it,
     * so removing and inserting it per call would cost more than the decision); only its state is new.
     */
    void begin(TenantView view, AnalystTables tables, RuleTrace trace) {
        this.view = view;
        this.tables = tables;
        this.trace = trace;
        results.clear();
        warnings.clear();
        callLimitsCounted.clear();
        root = null;
        nextId = 0;
        destinationCategory = null;
        dialledNumber = null;
        emergencyAreaCode = null;
    }

    /** The tenant's configuration. */
    public TenantView view() { return view; }

    /** The analyst tables of this decision. */
    public AnalystTables tables() { return tables; }

    /** Adds a detail to the explanation of the rule firing now. */
    public void note(String detail) { trace.note(detail); }

    // ---- hops ----

    /** The first destination of the call. */
    public Hop start(String destination, String displayPrefix) {
        root = newHop(null, HopReason.INITIAL, destination, null, displayPrefix, null, null, null, false);
        return root;
    }

    /** A first hop the entry rules decide themselves (a refusal, a system code, an outside call). */
    public Hop entry(String dialled) {
        return entry(dialled, null);
    }

    /** A first hop that already carries a display prefix (deciding again after a menu, IVR-07). */
    public Hop entry(String dialled, String displayPrefix) {
        root = new Hop(nextId++, null, HopReason.INITIAL, dialled, HopTarget.ENTRY, null, null, displayPrefix, null, null,
                null, false, null);
        hops.add(root);
        return root;
    }

    /** Refuses the call before it reaches any destination. */
    public void refuse(String dialled, RejectCause cause, String reason) {
        reject(entry(dialled), cause, reason);
    }

    /** Several destinations: one forward, or a parallel hop when there are more (GRP-06). */
    public Hop forwardAll(Hop from, HopReason reason, List<String> destinations, String forwardedBy,
                          ForwardCallerId callerId) {
        if (destinations.size() == 1) {
            return forward(from, reason, destinations.get(0), forwardedBy, callerId, null);
        }
        return parallel(from, reason, destinations, forwardedBy, callerId);
    }

    /** A routing step (plan entry, menu option, LBR/TBR choice) to a destination, with a display prefix. */
    public Hop route(Hop from, String destination, String displayPrefix) {
        return newHop(from, HopReason.ROUTED, destination, null, displayPrefix, from.getForwardedBy(),
                from.getForwardCallerId(), from.getForwardCallerIdNumber(), false);
    }

    /** A forward set by {@code forwardedBy}, presenting the given caller ID if it goes outside. */
    public Hop forward(Hop from, HopReason reason, String destination, String forwardedBy,
                       ForwardCallerId callerId, String callerIdNumber) {
        return newHop(from, reason, destination, null, null, forwardedBy, callerId, callerIdNumber, false);
    }

    /** Several destinations that ring in parallel (GRP-06). */
    public Hop parallel(Hop from, HopReason reason, List<String> destinations, String forwardedBy,
                        ForwardCallerId callerId) {
        return newHop(from, reason, null, destinations, null, forwardedBy, callerId, null, false);
    }

    /** A group member's own leg under individual forwarding (GRP-03). */
    public Hop memberLeg(Hop group, String member) {
        return newHop(group, HopReason.MEMBER, member, null, null, null, null, null, true);
    }

    private Hop newHop(Hop parent, HopReason reason, String destination, List<String> destinations, String prefix,
                       String forwardedBy, ForwardCallerId callerId, String callerIdNumber, boolean individualLeg) {
        String display = joinPrefix(parent == null ? null : parent.getDisplayPrefix(), prefix);
        ExtensionView ext = destination == null ? null : view.extension(destination);
        HopTarget target = targetOf(parent, destination, destinations, ext);
        ExtensionView forwarder = view.extension(forwardedBy);
        Hop hop = new Hop(nextId++, parent, reason, destination, target, ext, destinations, display, forwardedBy,
                callerId, callerIdNumber, individualLeg, forwarder == null ? null : forwarder.type().name());
        hops.add(hop);
        return hop;
    }

    private static String joinPrefix(String before, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return before;
        }
        return before == null ? prefix : prefix + " " + before;
    }

    private HopTarget targetOf(Hop parent, String destination, List<String> destinations, ExtensionView ext) {
        if (destinations != null) {
            return HopTarget.PARALLEL;
        }
        if (parent != null && parent.getDepth() + 1 > MAX_DEPTH) {
            return HopTarget.LOOP;
        }
        if (ext != null) {
            if (parent != null && (parent.passedThrough(ext.number())
                    || (parent.getExtension() != null && parent.getExtension().number().equals(ext.number())))) {
                return HopTarget.LOOP;
            }
            return HopTarget.valueOf(ext.type().name());
        }
        if ("voicemail".equals(destination)) {
            return HopTarget.PERSONAL_VOICEMAIL;
        }
        if ("busy".equals(destination)) {
            return HopTarget.BUSY_TONE;
        }
        if (Numbers.isExternal(destination)) {
            return HopTarget.EXTERNAL;
        }
        return HopTarget.UNKNOWN;
    }

    // ---- outcomes ----

    private HopResult result(Hop hop, HopResult.Kind kind) {
        HopResult r = results.computeIfAbsent(hop.getId(), k -> new HopResult());
        if (kind != null) {
            r.kind = kind;
        }
        return r;
    }

    HopResult resultOf(Hop hop) {
        return results.get(hop.getId());
    }

    public boolean isDecided(Hop hop) {
        HopResult r = results.get(hop.getId());
        return r != null && r.kind != null;
    }

    /** The call continues at {@code next} straight away (forward always, a routing step). */
    public void continueAt(Hop hop, Hop next) {
        result(hop, HopResult.Kind.FORWARD).next = next;
    }

    public void reject(Hop hop, RejectCause cause, String reason) {
        result(hop, HopResult.Kind.REJECT).reject = Reject.of(cause, reason);
    }

    /** Adds a ring step of devices of one user, ringing together for {@code timeout} seconds (null = until the end). */
    public void ringDevices(Hop hop, String user, List<DeviceView> devices, Integer timeout) {
        List<HopResult.Target> step = new ArrayList<>();
        for (DeviceView d : devices) {
            step.add(new HopResult.Target(user, d.name(), d.channel(), d.mobileNumber(), null));
        }
        addStep(hop, step, timeout);
    }

    /** Adds devices to the current (last) ring step, e.g. the next group member. */
    public void ringAlongside(Hop hop, String user, List<DeviceView> devices) {
        HopResult r = result(hop, HopResult.Kind.RING);
        if (r.steps.isEmpty()) {
            r.steps.add(new ArrayList<>());
            r.stepTimeouts.add(null);
        }
        for (DeviceView d : devices) {
            r.steps.get(r.steps.size() - 1).add(new HopResult.Target(user, d.name(), d.channel(), d.mobileNumber(), null));
        }
    }

    /** Adds a leg that follows its own decision to the current ring step (GRP-03, GRP-06). */
    public void ringLeg(Hop hop, Hop leg) {
        HopResult r = result(hop, HopResult.Kind.RING);
        if (r.steps.isEmpty()) {
            r.steps.add(new ArrayList<>());
            r.stepTimeouts.add(null);
        }
        r.steps.get(r.steps.size() - 1).add(new HopResult.Target(null, null, null, null, leg));
    }

    public void ringExternal(Hop hop, String number, Integer timeout) {
        addStep(hop, List.of(new HopResult.Target(null, null, null, number, null)), timeout);
    }

    private void addStep(Hop hop, List<HopResult.Target> step, Integer timeout) {
        HopResult r = result(hop, HopResult.Kind.RING);
        r.steps.add(new ArrayList<>(step));
        r.stepTimeouts.add(timeout);
    }

    public boolean isRinging(Hop hop) {
        HopResult r = results.get(hop.getId());
        return r != null && r.kind == HopResult.Kind.RING && !r.steps.isEmpty();
    }

    public void onBusy(Hop hop, Hop next) {
        result(hop, null).onBusy = next;
    }

    public void onNoAnswer(Hop hop, Hop next, Integer timeout) {
        HopResult r = result(hop, null);
        r.onNoAnswer = next;
        r.noAnswerTimeout = timeout;
    }

    public void noAnswerTimeout(Hop hop, Integer timeout) {
        result(hop, null).noAnswerTimeout = timeout;
    }

    public void onUnreachable(Hop hop, Hop next) {
        result(hop, null).onUnreachable = next;
    }

    public void media(Hop hop, MediaService.Kind kind, String extension, String code, Map<String, String> settings) {
        result(hop, HopResult.Kind.MEDIA).media = new MediaService(kind, extension, code, settings == null ? Map.of() : settings);
    }

    public void collect(Hop hop, String prompt, int maxDigits, int ringbackCycles, Integer timeout, Hop fallback) {
        collect(hop, prompt, maxDigits, ringbackCycles, timeout, null, fallback);
    }

    public void collect(Hop hop, String prompt, int maxDigits, int ringbackCycles, Integer timeout,
                        List<String> choices, Hop fallback) {
        HopResult r = result(hop, HopResult.Kind.COLLECT);
        r.choices = choices;
        r.collectPrompt = prompt;
        r.collectDigits = maxDigits;
        r.ringbackCycles = ringbackCycles;
        r.collectTimeout = timeout;
        r.collectFallback = fallback;
    }

    public void header(Hop hop, String name, String value) {
        result(hop, null).headers.put(name, value);
    }

    public void present(Hop hop, String callerId, String displayName, boolean anonymous) {
        result(hop, null).presentation = new Presentation(callerId, displayName, anonymous);
    }

    /**
     * The caller ID a forwarded outside leg presents (REACH-13, GRP-07, CLX-01, FWD-01): the
     * forwarder's caller ID or a chosen number, the original caller, or the number dialled.
     */
    public void presentForward(Hop hop, Call call) {
        String number;
        boolean anonymous = false;
        ForwardCallerId option = hop.getForwardCallerId() == null ? ForwardCallerId.ORIGINAL_CALLER : hop.getForwardCallerId();
        switch (option) {
            case USER_CALLER_ID, SPECIFIC_NUMBER -> number = hop.getForwardCallerIdNumber();
            case CALLED_NUMBER -> number = call.getDialled();
            default -> {
                if (call.isInternalCaller()) {
                    number = call.getCallerUser() == null ? null : call.getCallerUser().reach().defaultProfile().callerId();
                } else {
                    number = call.getCallerNumber();
                    anonymous = call.isAnonymous();
                }
            }
        }
        present(hop, number, number, anonymous);
    }

    // ---- call-level facts ----

    public void warn(String warning) {
        warnings.add(warning);
    }

    public void destination(String category, String number) {
        this.destinationCategory = category;
        this.dialledNumber = number;
    }

    public void emergencyAreaCode(String areaCode) {
        this.emergencyAreaCode = areaCode;
    }

    Hop root() { return root; }
    List<String> warnings() { return warnings; }

    /** This call counts against the call limit of {@code callLimitExtension} while it rings or is up (CLX-02). */
    public void countAgainst(String callLimitExtension) {
        callLimitsCounted.add(callLimitExtension);
    }

    List<String> callLimitsCounted() { return callLimitsCounted; }
    String destinationCategory() { return destinationCategory; }
    String dialledNumber() { return dialledNumber; }
    String emergencyAreaCodeValue() { return emergencyAreaCode; }
}
