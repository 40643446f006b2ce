package org.reachpbx.rules.services;

import org.reachpbx.rules.support.RuleTrace;

import java.util.List;
import org.reachpbx.rules.services.ServiceDecision.ForwardSetting;
import org.reachpbx.rules.services.ServiceDecision.Notification;
import org.reachpbx.rules.services.ServiceDecision.PlanChange;
import org.reachpbx.rules.services.ServiceDecision.Transfer;

/**
 * The vocabulary of service rules (bound as {@code services: /decisions}): consequences state the
 * outcome and the action data here, and note details into the trace. One per rule-unit instance,
 * reset before each decision.
 */
public final class Services {
    private RuleTrace trace;
    private ServiceOutcome outcome;
    private String reason;
    private String announcement;
    private String ask;
    private PlanChange planChange;
    private String pickedUpCall;
    private String pickedUpFrom;
    private Integer parkLine;
    private String target;
    private String mode;
    private List<String> logOutChannels;
    private String logOutUser;
    private Boolean pinChangeRequired;
    private Boolean newPinAccepted;
    private Boolean busy;
    private List<Notification> notifications;
    private List<String> ringDevices;
    private List<String> stopRinging;
    private String continueWith;
    private String forwardTo;
    private String dtmfAction;
    private Transfer transfer;
    private ForwardSetting forwardSetting;

    void begin(RuleTrace trace) {
        this.trace = trace;
        outcome = null;
        reason = announcement = ask = pickedUpCall = pickedUpFrom = target = mode = logOutUser = null;
        continueWith = forwardTo = dtmfAction = null;
        planChange = null;
        parkLine = null;
        logOutChannels = ringDevices = stopRinging = null;
        notifications = null;
        pinChangeRequired = newPinAccepted = busy = null;
        transfer = null;
        forwardSetting = null;
    }

    ServiceDecision decision(ServiceKind kind) {
        ServiceOutcome o = outcome == null ? ServiceOutcome.REFUSED : outcome;
        String r = outcome == null ? "no rule decided this request" : reason;
        return new ServiceDecision(kind, o, r, announcement, ask, planChange, pickedUpCall, pickedUpFrom, parkLine,
                target, mode, logOutChannels, logOutUser, pinChangeRequired, newPinAccepted, busy, notifications, ringDevices,
                stopRinging, continueWith, forwardTo, dtmfAction, transfer, forwardSetting, trace.fired());
    }

    /** The request is allowed; the rule adds the action data. */
    public void allow(String why) {
        outcome = ServiceOutcome.ALLOWED;
        reason = why;
        trace.note(why);
    }

    /** The request is refused with a reason and the announcement the caller hears. */
    public void refuse(String why, String announcementKey) {
        outcome = ServiceOutcome.REFUSED;
        reason = why;
        announcement = announcementKey;
        trace.note("refused: " + why);
    }

    /** Ask the caller for something first (a prompt key), then decide again with the answer. */
    public void collect(String what, String why) {
        outcome = ServiceOutcome.COLLECT;
        ask = what;
        reason = why;
        trace.note("ask " + what);
    }

    public void note(String detail) { trace.note(detail); }
    public void announce(String key) { announcement = key; }
    public void planChange(PlanChange change) { planChange = change; }
    public void pickUp(String call, String from) { pickedUpCall = call; pickedUpFrom = from; }
    public void parkOn(int line) { parkLine = line; }
    public void target(String t) { target = t; }
    public void mode(String m) { mode = m; }
    public void logOut(List<String> channels) { logOutChannels = List.copyOf(channels); }
    public void logOutUser(String user) { logOutUser = user; }
    public void requirePinChange() { pinChangeRequired = true; }
    public void newPinAccepted(boolean accepted) { newPinAccepted = accepted; }
    public void busy(boolean b) { busy = b; }
    public void notify(List<Notification> list) { notifications = List.copyOf(list); }
    public void ring(List<String> devices) { ringDevices = List.copyOf(devices); }
    public void stopRinging(List<String> users) { stopRinging = List.copyOf(users); }
    public void continueWith(String what) { continueWith = what; }
    public void forwardTo(String destination) { forwardTo = destination; }
    public void dtmf(String action) { dtmfAction = action; }
    public void transfer(Transfer t) { transfer = t; }
    public void forwardSetting(ForwardSetting f) { forwardSetting = f; }
}
