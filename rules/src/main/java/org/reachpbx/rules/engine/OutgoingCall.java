package org.reachpbx.rules.engine;

import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.tables.DestinationClass;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;

import org.kie.api.definition.type.ClassReactive;

/**
 * A call placed from a device of this tenant, with its dial string taken apart: a caller-ID code
 * in front (#31#, #3x#, or 13x on a mobile: REACH-18, REACH-19), a system code (SYSNUM-01), an
 * extension, or a number with its destination category (CB-04). Rules change it step by step
 * (strip an unknown code, add the area code) and then decide.
 */
@ClassReactive
public final class OutgoingCall {
    private final Call call;
    private final TenantView view;
    private final AnalystTables tables;
    private final boolean withheld;
    private String dynamicCode;
    private String number;
    private ExtensionView extension;
    private DestinationClass destination;
    private boolean decided;
    private String callerId;
    private String callerIdSource;
    private boolean areaCodeAdded;

    public OutgoingCall(Call call, TenantView view, AnalystTables tables) {
        this.call = call;
        this.view = view;
        this.tables = tables;
        String s = call.getDialled() == null ? "" : call.getDialled();
        boolean anon = false;
        String code = null;
        if (s.startsWith("#31#")) {
            anon = true;
            s = s.substring(4);
        } else if (s.length() > 4 && s.startsWith("#3") && s.charAt(3) == '#' && Character.isDigit(s.charAt(2))) {
            code = "#3" + s.charAt(2) + "#";
            s = s.substring(4);
        } else if (call.getDeviceType() == DeviceType.MOBILE && s.length() > 3 && s.startsWith("13")
                && s.charAt(2) >= '2' && s.charAt(2) <= '9') {
            // 13X only as the start of a longer string, X = 2..9 (REACH-18); "#30#" has no mobile form.
            code = "#3" + s.charAt(2) + "#";
            s = s.substring(3);
        }
        this.withheld = anon;
        this.dynamicCode = code;
        setNumber(s);
    }

    private void setNumber(String s) {
        this.number = s;
        this.extension = view.extension(s);
        this.destination = extension == null ? phoneNumber(s) : null;
    }

    /**
     * The destination class of a dial string that is a phone number: national or international
     * (it starts with 0), or a short number the destination table knows (112, 144, 116xxx). Any
     * other string (an unknown extension such as 299, a 13X code with X = 0 or 1) is no number.
     */
    private DestinationClass phoneNumber(String s) {
        if (!Numbers.digitsOnly(s)) {
            return null;
        }
        DestinationClass c = tables.classify(s);
        return s.startsWith("0") || c.matchedPrefix() != null ? c : null;
    }

    public Call getCall() { return call; }
    public UserView getUser() { return call.getCallerUser(); }
    public boolean isHasUser() { return call.getCallerUser() != null; }
    /** #31# was dialled in front (REACH-19). */
    public boolean isWithheld() { return withheld; }
    public String getDynamicCode() { return dynamicCode; }
    /** The caller ID a configured dynamic code maps to, or null. */
    public String getDynamicCallerId() {
        UserView u = getUser();
        return dynamicCode == null || u == null ? null : u.reach().dynamicCallerIds().get(dynamicCode);
    }
    public String getNumber() { return number; }
    public boolean isSystemCode() { return SystemCodeMatcher.matches(number); }
    public ExtensionView getExtension() { return extension; }
    public DestinationClass getDestination() { return destination; }
    public boolean isEmergency() { return destination != null && destination.emergency(); }
    public boolean isExternal() { return destination != null; }
    /** CH-03: 6 or 7 digits, not starting with 0, not an extension or a code. */
    public boolean isLocalNumber() {
        return !areaCodeAdded && Numbers.digitsOnly(number) && !number.startsWith("0") && extension == null
                && (number.length() == 6 || number.length() == 7) && !isSystemCode() && destination == null;
    }
    /** The area code for this call: the channel's for a desk phone, else the user's (CH-03). */
    public String getAreaCode() {
        if (call.getDeviceType() == DeviceType.FIXED && call.getChannel() != null && call.getChannel().areaCode() != null) {
            return call.getChannel().areaCode();
        }
        UserView u = getUser();
        if (u != null && u.areaCode() != null) {
            return u.areaCode();
        }
        return call.getChannel() == null ? null : call.getChannel().areaCode();
    }
    public boolean isDecided() { return decided; }
    public String getCallerId() { return callerId; }
    public String getCallerIdSource() { return callerIdSource; }
    public int getExternalCallsUp() { return call.getAttempt().callerExternalCalls(); }

    // ---- emergency caller ID (EFB-02..EFB-04) ----

    /** The caller ID the user set in REACH: the default profile's (EFB-02). */
    public String getUserCallerId() {
        UserView u = getUser();
        return u == null ? null : u.reach().defaultProfile().callerId();
    }
    public String getUserFallback() { return getUser() == null ? null : getUser().emergencyFallbackCallerId(); }
    public String getChannelFallback() { return call.getChannel() == null ? null : call.getChannel().emergencyFallbackCallerId(); }
    public String getAccountFallback() { return view.emergencyFallbackCallerId(); }

    // ---- IP listing (IPL-01, IPL-04) ----

    public boolean isIpListing() { return view.ipListing(); }
    /** Recognised: the address of the last login on this device, or on the allowlist. Unknown source: recognised. */
    public boolean isRecognisedAddress() {
        String ip = call.getAttempt().sourceIp();
        return ip == null || ip.equals(call.getAttempt().lastLoginIp()) || view.allowlisted(ip);
    }

    // ---- call barring (CB-03, CB-05) ----

    public boolean isPermanentlyBlocked() {
        return destination != null && destination.category() == org.reachpbx.rules.tables.DestinationCategory.PERMANENTLY_BLOCKED;
    }
    /** The category or region group blocking this destination, account ∪ user; null when allowed. */
    public org.reachpbx.rules.vocabulary.BarringCategory getBlockedBy() {
        if (destination == null || destination.emergency()) {
            return null;
        }
        java.util.Set<org.reachpbx.rules.vocabulary.BarringCategory> blocked = java.util.EnumSet.noneOf(org.reachpbx.rules.vocabulary.BarringCategory.class);
        blocked.addAll(view.callBarring());
        if (getUser() != null) {
            blocked.addAll(getUser().reach().callBarring());
        }
        if (destination.barringCategory() != null && blocked.contains(destination.barringCategory())) {
            return destination.barringCategory();
        }
        if (destination.international()) {
            if (blocked.contains(org.reachpbx.rules.vocabulary.BarringCategory.INTERNATIONAL)) {
                return org.reachpbx.rules.vocabulary.BarringCategory.INTERNATIONAL;
            }
            if (destination.regionGroup() != null && blocked.contains(destination.regionGroup())) {
                return destination.regionGroup();
            }
        }
        return null;
    }
    public boolean isBarred() { return getBlockedBy() != null; }
    public int getExternalCallLimit() { return view.externalCallLimit(); }

    // ---- caller ID of outgoing calls (REACH-16) ----

    /**
     * The profile for this outgoing call: the called number matched against the call classes as in
     * REACH-05 (contact, then longest prefix), with the status active now, through the matrix.
     */
    public org.reachpbx.rules.view.ProfileView getProfile() {
        UserView u = getUser();
        if (u == null) {
            return null;
        }
        org.reachpbx.rules.view.ReachView reach = u.reach();
        String status = reach.manualStatus() != null
                && (reach.manualStatusUntil() == null || call.getNow().isBefore(reach.manualStatusUntil()))
                ? reach.manualStatus() : null;
        if (status == null && call.isRoaming(u.number())) {
            status = reach.roamingStatus();
        }
        if (status == null) {
            for (org.reachpbx.rules.view.StatusView st : reach.statuses()) {
                if (st.activeAt(call.getNow())) {
                    status = st.name();
                    break;
                }
            }
        }
        org.reachpbx.rules.view.CallClassView cls = getCalledClass();
        String name = cls == null ? null : reach.matrixProfile(cls.name(), status);
        org.reachpbx.rules.view.ProfileView p = name == null ? null : reach.profiles().get(name);
        return p == null ? reach.defaultProfile() : p;
    }
    /** The call class the called number belongs to (REACH-16 interpretation), or null. */
    public org.reachpbx.rules.view.CallClassView getCalledClass() {
        UserView u = getUser();
        if (u == null) {
            return null;
        }
        org.reachpbx.rules.view.CallClassView best = null;
        int longest = 0;
        for (org.reachpbx.rules.view.CallClassView c : u.reach().callClasses()) {
            if (c.contactNumbers().contains(number)) {
                return c;
            }
            int len = c.longestPrefixOf(number);
            if (len > longest) {
                longest = len;
                best = c;
            }
        }
        return best;
    }
    public boolean isProfileInheritsCallerId() {
        org.reachpbx.rules.view.ProfileView p = getProfile();
        return p != null && p.inherits(org.reachpbx.rules.vocabulary.ProfileSetting.CALLER_ID);
    }
    public String getClassCallerId() {
        org.reachpbx.rules.view.CallClassView c = getCalledClass();
        return c == null ? null : c.callerId();
    }
    public String getProfileCallerId() {
        org.reachpbx.rules.view.ProfileView p = getProfile();
        return p == null ? null : p.callerId();
    }
    public String getDefaultProfileCallerId() { return getUserCallerId(); }
    public boolean isNumberFound() { return extension != null || destination != null || isSystemCode(); }

    public void dropDynamicCode() { this.dynamicCode = null; }
    public void dialLocal() {
        String area = getAreaCode();
        setNumber(area + number);
        this.areaCodeAdded = true;
    }
    public void decide() { this.decided = true; }
    public void presentCallerId(String number, String source) {
        this.callerId = number;
        this.callerIdSource = source;
    }
}
