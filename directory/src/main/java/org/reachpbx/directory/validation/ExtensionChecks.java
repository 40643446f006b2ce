package org.reachpbx.directory.validation;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.reachpbx.directory.model.CallLimitExtension;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.ExtensionChooserExtension;
import org.reachpbx.directory.model.ForwardExtension;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.GroupForwards;
import org.reachpbx.directory.model.IvrExtension;
import org.reachpbx.directory.model.IvrOption;
import org.reachpbx.directory.model.LbrEntry;
import org.reachpbx.directory.model.LbrExtension;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.TbrExtension;
import org.reachpbx.directory.model.TbrPeriod;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.Licence;
import org.reachpbx.rules.vocabulary.QueueStrategy;
import org.reachpbx.rules.vocabulary.SystemCodes;

/** Extension numbers and the function extensions: groups, IVRs, queues, LBR, TBR, call-limit, forward, AI. */
final class ExtensionChecks extends Checks {

    ExtensionChecks(Tenant tenant, List<Violation> out) {
        super(tenant, out);
    }

    @Override
    void run() {
        extensionNumbers();
        each(GroupExtension.class, this::group);
        each(VoicemailExtension.class, this::voicemail);
        each(IvrExtension.class, this::ivr);
        each(QueueExtension.class, this::queue);
        each(ExtensionChooserExtension.class, (x, p) -> destination(p + ".fallbackExtension",
                x.getFallbackExtension(), Allow.extensionsOf(EnumSet.of(ExtensionType.USER, ExtensionType.GROUP))));
        each(LbrExtension.class, this::lbr);
        each(TbrExtension.class, this::tbr);
        each(CallLimitExtension.class, this::callLimit);
        each(ForwardExtension.class, this::forward);
        aiFairUse();
    }


    private void extensionNumbers() {
        Integer length = tenant.getExtensionLength();
        Set<String> seen = new HashSet<>();
        for (ExtensionType type : ExtensionType.values()) {
            List<Extension> ofType = tenant.getExtensions().stream().filter(e -> e.getType() == type).toList();
            for (int j = 0; j < ofType.size(); j++) {
                String number = ofType.get(j).getNumber();
                String p = TenantValidator.listName(type) + "[" + j + "].number";
                if (number == null || !number.matches("\\d+")) {
                    continue; // reported by the field constraint
                }
                if (length != null && number.length() != length) {
                    add(p, "extensionLength", number, length);
                } else if (SystemCodes.collidesWithExtension(number)) {
                    add(p, "systemNumber", number);
                }
                if (!seen.add(number)) {
                    add(p, "extensionNumberTaken", number);
                }
            }
        }
    }

    private void group(GroupExtension g, String p) {
        users(p + ".members", g.getMembers());
        groupForwards(p + ".internalForwards", g.getInternalForwards(), Allow.extensionOrExternal());
        groupForwards(p + ".externalForwards", g.getExternalForwards(), Allow.externalOnly());
        if (g.getForwardCallerId() != ForwardCallerId.ORIGINAL_CALLER
                && g.getForwardCallerId() != ForwardCallerId.CALLED_NUMBER) {
            add(p + ".forwardCallerId", "groupForwardCallerId");
        }
        for (int i = 0; i < g.getPrivacyGroups().size(); i++) {
            String name = g.getPrivacyGroups().get(i);
            if (name != null && !privacyGroupNames.contains(name)) {
                add(p + ".privacyGroups[" + i + "]", "noPrivacyGroup", name);
            }
        }
    }

    private void groupForwards(String p, GroupForwards f, Allow allow) {
        if (f == null) {
            return;
        }
        numberList(p + ".always", f.getAlways(), allow);
        numberList(p + ".onBusy", f.getOnBusy(), allow);
        numberList(p + ".onNoAnswer", f.getOnNoAnswer(), allow);
    }

    /** A ';'-separated list of numbers called in parallel (GRP-05). */
    private void numberList(String p, String list, Allow allow) {
        if (list == null || list.isBlank()) {
            return;
        }
        boolean emptyItem = false;
        for (String item : list.split(";", -1)) {
            if (item.isBlank()) {
                emptyItem = true;
            } else {
                destination(p, item.trim(), allow);
            }
        }
        if (emptyItem) {
            add(p, "emptyListItem", list);
        }
    }

    private void ivr(IvrExtension ivr, String p) {
        noDuplicates(p + ".options", ivr.getOptions(), IvrOption::getDigits);
        for (int i = 0; i < ivr.getOptions().size(); i++) {
            IvrOption o = ivr.getOptions().get(i);
            String op = p + ".options[" + i + "]";
            if (o.getDigits() != null && o.getDigits().length() > ivr.getMaxDigits()) {
                add(op + ".digits", "tooManyDigits", o.getDigits(), o.getDigits().length(), ivr.getMaxDigits());
            }
            destination(op + ".destination", o.getDestination(), Allow.extensionsOf(Allow.ANY_TYPE));
        }
        bothOrNeither(p, "failoverTimeout", ivr.getFailoverTimeout(), "failoverDestination", ivr.getFailoverDestination());
        destination(p + ".failoverDestination", ivr.getFailoverDestination(), Allow.extensionsOf(Allow.ANY_TYPE));
    }

    private void queue(QueueExtension q, String p) {
        // The name shows in reports and the apps: no special characters (QUE-01).
        if (q.getName() != null && !q.getName().matches("[\\p{L}\\p{N} _.-]+")) {
            add(p + ".name", "queueName", q.getName());
        }
        noDuplicates(p + ".members", q.getMembers(), Function.identity());
        for (int i = 0; i < q.getMembers().size(); i++) {
            String m = q.getMembers().get(i);
            Extension e = extensions.get(m);
            String mp = p + ".members[" + i + "]";
            if (!(e instanceof UserExtension) && !(e instanceof ForwardExtension)) {
                add(mp, "notAQueueMember", m);
            } else if (e instanceof UserExtension u && u.getLicence() == Licence.START) {
                add(mp, "startLicenceInQueue", m);
            }
        }
        if (q.getStrategy() == QueueStrategy.RING_ALL && q.getMembers().size() > TenantValidator.MAX_RING_ALL_MEMBERS) {
            add(p + ".members", "ringAllTooManyMembers", TenantValidator.MAX_RING_ALL_MEMBERS);
        }
        if (q.getStartDate() != null && q.getEndDate() != null && !q.getStartDate().isBefore(q.getEndDate())) {
            add(p + ".endDate", "endDateNotAfterStart", q.getStartDate());
        }
        destination(p + ".callLimitDestination", q.getCallLimitDestination(), Allow.extensionOrExternal());
        destination(p + ".exitDestination", q.getExitDestination(), Allow.extensionOrExternal());
        destination(p + ".noAgentsDestination", q.getNoAgentsDestination(), Allow.extensionOrExternal());
        bothOrNeither(p, "maxWaitTimeout", q.getMaxWaitTimeout(), "maxWaitDestination", q.getMaxWaitDestination());
        destination(p + ".maxWaitDestination", q.getMaxWaitDestination(), Allow.extensionOrExternal());
    }

    private void lbr(LbrExtension l, String p) {
        destination(p + ".defaultDestination", l.getDefaultDestination(), Allow.extensionOrExternal());
        destination(p + ".anonymousDestination", l.getAnonymousDestination(), Allow.extensionOrExternal());
        destination(p + ".mobileDestination", l.getMobileDestination(), Allow.extensionOrExternal());
        if (l.getLbrType() == null) {
            return;
        }
        String matchRule = switch (l.getLbrType()) {
            case AREA_CODE -> "0[1-9]\\d{1,2}";
            case POSTAL_CODE -> "[1-9]\\d{3}";
            case CALLER_NUMBER -> "\\d{1,20}[%*]?";
            case CALLED_NUMBER -> EXTERNAL_NUMBER;
        };
        String matchHelp = switch (l.getLbrType()) {
            case AREA_CODE -> "lbrAreaCode";
            case POSTAL_CODE -> "lbrPostalCode";
            case CALLER_NUMBER -> "lbrCallerNumber";
            case CALLED_NUMBER -> "lbrCalledNumber";
        };
        noDuplicates(p + ".entries", l.getEntries(), LbrEntry::getMatch);
        for (int i = 0; i < l.getEntries().size(); i++) {
            LbrEntry e = l.getEntries().get(i);
            if (e.getMatch() != null && !e.getMatch().matches(matchRule)) {
                add(p + ".entries[" + i + "].match", matchHelp, e.getMatch());
            }
            destination(p + ".entries[" + i + "].destination", e.getDestination(), Allow.extensionOrExternal());
        }
        if (l.getMobileDestination() != null && l.getLbrType() != org.reachpbx.rules.vocabulary.LbrType.AREA_CODE) {
            add(p + ".mobileDestination", "mobileOnlyForAreaCode");
        }
    }

    private void tbr(TbrExtension t, String p) {
        destination(p + ".defaultDestination", t.getDefaultDestination(), Allow.extensionOrExternal());
        for (int i = 0; i < t.getPeriods().size(); i++) {
            TbrPeriod period = t.getPeriods().get(i);
            String pp = p + ".periods[" + i + "]";
            destination(pp + ".destination", period.getDestination(), Allow.extensionOrExternal());
            if (period.getFrom() != null && period.getFrom().equals(period.getTo())) {
                add(pp + ".to", "periodEndEqualsStart", period.getFrom());
            }
        }
    }

    private void callLimit(CallLimitExtension c, String p) {
        destination(p + ".withinLimitDestination", c.getWithinLimitDestination(), Allow.extensionOrExternal());
        destination(p + ".aboveLimitDestination", c.getAboveLimitDestination(), Allow.extensionOrExternalOrBusy());
        specificCallerId(p, c.getCallerId(), c.getCallerIdNumber(), true);
    }

    private void voicemail(VoicemailExtension v, String p) {
        secret(p, "pin", v.getPin(), v.getPinHash());
        // 0000 means "choose a new PIN at the next login" for users; a mailbox has no such step.
        if (PinPolicy.MUST_CHANGE.equals(v.getPin())) {
            add(p + ".pin", "mailboxPinMustChange");
        }
    }

    private void forward(ForwardExtension f, String p) {
        // A forward extension connects to an external number (FWD-01), never to an extension.
        destination(p + ".destination", f.getDestination(), Allow.externalOnly());
        specificCallerId(p, f.getCallerId(), f.getCallerIdNumber(), false);
    }

    private void specificCallerId(String p, ForwardCallerId choice, String number, boolean companyOnly) {
        if (choice == ForwardCallerId.USER_CALLER_ID) {
            add(p + ".callerId", "specificCallerIdChoice");
        }
        if (choice == ForwardCallerId.SPECIFIC_NUMBER) {
            if (number == null) {
                add(p + ".callerIdNumber", "callerIdNumberRequired");
            } else if (companyOnly) {
                PhoneNumber n = numbers.get(number);
                if (n == null || !n.isCompanyNumber() || !n.isActive()) {
                    add(p + ".callerIdNumber", "notAnActiveCompanyNumber", number);
                }
            } else {
                accountNumber(p + ".callerIdNumber", number);
            }
        } else if (number != null) {
            add(p + ".callerIdNumber", "callerIdNumberUnused");
        }
    }

    /** Active AI extensions may not exceed the MKB Pro + Compleet licences (AI-03). */
    private void aiFairUse() {
        long ai = tenant.getAiExtensions().size();
        long licences = tenant.getUsers().stream().filter(u -> u.getLicence() != Licence.START).count();
        if (ai > licences) {
            add("aiExtensions", "aiFairUse", ai, licences);
        }
    }
}
