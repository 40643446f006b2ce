package org.reachpbx.rules.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.NumberView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;

/** The call attempt as the rules see it: numbers normalised (ACC-08), time in the tenant's zone (NP-22). */
public final class Call {
    private final CallAttempt attempt;
    private final Instant instant;
    private final LocalDateTime now;
    private final String callerNumber;
    private final String dialled;
    private final UserView callerUser;
    private final ChannelView channel;
    private final NumberView calledNumber;
    private final TenantView view;

    Call(CallAttempt attempt, TenantView view, Instant instant) {
        this.attempt = attempt;
        this.view = view;
        this.instant = instant;
        this.now = LocalDateTime.ofInstant(instant, view.zone());
        this.callerNumber = attempt.callerWithheld() ? null : Numbers.national(attempt.callerNumber());
        this.dialled = Numbers.national(attempt.dialled());
        this.channel = view.channel(attempt.channel());
        // The user logged in on the device, or else the user linked to its channel (USR-03, USR-10).
        UserView user = view.user(attempt.callerExtension());
        if (user == null && attempt.callerExtension() == null && channel != null && channel.coupledUser() != null) {
            user = view.user(channel.coupledUser());
        }
        this.callerUser = user;
        this.calledNumber = attempt.origin() == CallAttempt.Origin.TRUNK ? view.number(dialled) : null;
    }

    public CallAttempt getAttempt() { return attempt; }
    TenantView getView() { return view; }
    public Instant getInstant() { return instant; }
    /** Local time in the tenant's zone. */
    public LocalDateTime getNow() { return now; }
    /** National form of the caller's number; null when withheld. */
    public String getCallerNumber() { return callerNumber; }
    public boolean isAnonymous() { return attempt.callerWithheld(); }
    public String getDialled() { return dialled; }
    public boolean isTrunk() { return attempt.origin() == CallAttempt.Origin.TRUNK; }
    public boolean isFromDevice() { return attempt.origin() == CallAttempt.Origin.DEVICE; }
    public boolean isResume() { return attempt.resumeAt() != null; }
    public String getResumeAt() { return attempt.resumeAt(); }
    /** The display prefix the call had where digits were collected (IVR-07). */
    public String getResumePrefix() { return attempt.resumePrefix(); }
    public String getDigits() { return attempt.digits() == null ? "" : attempt.digits(); }
    /** The calling user extension (internal calls), or null. */
    public UserView getCallerUser() { return callerUser; }
    public String getCallerExtension() { return callerUser == null ? null : callerUser.number(); }
    public ChannelView getChannel() { return channel; }
    public DeviceType getDeviceType() { return attempt.deviceType(); }
    /** The public number called, for a trunk call to a number of this tenant. */
    public NumberView getCalledNumber() { return calledNumber; }
    /** A trunk call to a personal number: it goes to its user (REACH-20). */
    public boolean isPersonalNumberCalled() { return calledNumber != null && calledNumber.owner() != null; }
    /** A trunk call to a company number used in a schema (NP-15). */
    public boolean isCompanyNumberCalled() { return calledNumber != null && calledNumber.owner() == null && calledNumber.schema() != null; }
    public Integer getCalledSchema() { return calledNumber == null ? null : calledNumber.schema(); }
    /** The extension that asked for digits, when deciding again after a menu or prompt. */
    public org.reachpbx.rules.view.ExtensionView getResumeExtension() { return view.extension(attempt.resumeAt()); }
    public org.reachpbx.rules.vocabulary.ExtensionType getResumeType() {
        org.reachpbx.rules.view.ExtensionView e = getResumeExtension();
        return e == null ? null : e.type();
    }
    /** The extension the keyed digits name (extension chooser, EXC-01). */
    public org.reachpbx.rules.view.ExtensionView getKeyedExtension() { return view.extension(getDigits()); }
    public org.reachpbx.rules.vocabulary.ExtensionType getKeyedType() {
        org.reachpbx.rules.view.ExtensionView e = getKeyedExtension();
        return e == null ? null : e.type();
    }
    /** The IVR option the keyed digits select (IVR-04), or null. */
    public org.reachpbx.rules.view.IvrOptionView getIvrOption() {
        return getResumeExtension() instanceof org.reachpbx.rules.view.IvrView ivr ? ivr.option(getDigits()) : null;
    }

    /** A call placed by a user or channel of this tenant, rather than from outside. */
    public boolean isInternalCaller() { return isFromDevice(); }
    public boolean isInternationalCaller() { return callerNumber != null && callerNumber.startsWith("00"); }
    public boolean isMobileCaller() { return callerNumber != null && callerNumber.startsWith("06"); }
    public boolean isBusy(String user) { return attempt.busyUsers().contains(user); }
    public boolean isReachable(String user, String device) { return !attempt.unreachableDevices().contains(user + "/" + device); }
    public boolean isRoaming(String user) { return attempt.roamingUsers().contains(user); }
    public int callsUp(String callLimitExtension) { return attempt.callLimitCalls().getOrDefault(callLimitExtension, 0); }
    /** A queue whose positions are all taken by waiting calls (QUE-05); the count comes in {@code callLimitCalls}. */
    public boolean isQueueFull(org.reachpbx.rules.view.ExtensionView queue) {
        if (!(queue instanceof org.reachpbx.rules.view.MediaExtensionView q)) {
            return false;
        }
        String limit = q.settings().get("callLimit");
        return limit != null && callsUp(q.number()) >= Integer.parseInt(limit);
    }
}
