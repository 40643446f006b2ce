package org.reachpbx.directory.validation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.IpAllowEntry;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.PrivacyGroup;
import org.reachpbx.directory.model.PrivacyRight;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;

/** Account settings, phone numbers, channels and privacy groups (ACC, EFB, IPL, CH, PRV). */
final class AccountChecks extends Checks {

    private final Optional<Tenant> stored;

    AccountChecks(Tenant tenant, List<Violation> out, Optional<Tenant> stored) {
        super(tenant, out);
        this.stored = stored;
    }

    @Override
    void run() {
        account(stored);
        phoneNumbers();
        channels();
        privacyGroups();
    }


    private void account(Optional<Tenant> stored) {
        if (tenant.getTimeZone() != null) {
            try {
                ZoneId.of(tenant.getTimeZone());
            } catch (DateTimeException e) {
                add("timeZone", "notATimeZone", tenant.getTimeZone());
            }
        }
        stored.ifPresent(old -> {
            if (!Objects.equals(old.getExtensionLength(), tenant.getExtensionLength())) {
                add("extensionLength", "extensionLengthFixed", old.getExtensionLength());
            }
        });
        if (tenant.getEmergencyFallbackCallerId() != null) {
            PhoneNumber n = numbers.get(tenant.getEmergencyFallbackCallerId());
            if (n == null || !n.isCompanyNumber() || !n.isActive()) {
                add("emergencyFallbackCallerId", "notAnActiveCompanyNumber", tenant.getEmergencyFallbackCallerId());
            }
        }
        noDuplicates("callBarring", tenant.getCallBarring(), String::valueOf);
        if (!tenant.isIpListing() && !tenant.getIpAllowlist().isEmpty()) {
            add("ipAllowlist", "allowlistNeedsIpListing");
        }
        for (int i = 0; i < tenant.getIpAllowlist().size(); i++) {
            IpAllowEntry e = tenant.getIpAllowlist().get(i);
            String p = "ipAllowlist[" + i + "]";
            if (e.getFrom() != null) {
                Ipv4Range.check(p, e.getFrom(), e.getTo()).ifPresent(this::add);
            }
        }
    }

    private void phoneNumbers() {
        noDuplicates("numbers", tenant.getNumbers(), PhoneNumber::getNumber);
        for (int i = 0; i < tenant.getNumbers().size(); i++) {
            PhoneNumber n = tenant.getNumbers().get(i);
            String p = "numbers[" + i + "]";
            if (n.getOwner() == null) {
                if (n.getDefaultCallClass() != null || n.getAnonymousCallClass() != null) {
                    add(p, "callClassesNeedOwner");
                }
                continue;
            }
            Extension owner = extensions.get(n.getOwner());
            if (!(owner instanceof UserExtension user)) {
                add(p + ".owner", "notAUser", n.getOwner());
                continue;
            }
            callClassOf(user, p + ".defaultCallClass", n.getDefaultCallClass());
            callClassOf(user, p + ".anonymousCallClass", n.getAnonymousCallClass());
        }
    }

    private void callClassOf(UserExtension user, String path, String name) {
        if (name != null && user.getReach().getCallClasses().stream().noneMatch(c -> name.equals(c.getName()))) {
            add(path, "noCallClassOfUser", user.getNumber(), name);
        }
    }

    private void channels() {
        noDuplicates("channels", tenant.getChannels(), Channel::getName);
        Map<String, Integer> coupled = new HashMap<>();
        for (int i = 0; i < tenant.getChannels().size(); i++) {
            Channel c = tenant.getChannels().get(i);
            String p = "channels[" + i + "]";
            secret(p, "password", c.getPassword(), c.getPasswordHash() == null ? null : c.getPasswordHash().getMd5());
            if (c.getPassword() == null && c.getPasswordHash() != null
                    && (c.getPasswordHash().getMd5() == null || c.getPasswordHash().getSha256() == null)) {
                add(p + ".passwordHash", "hashNeedsBoth");
            }
            accountNumber(p + ".emergencyFallbackCallerId", c.getEmergencyFallbackCallerId());
            if (c.isSipEncryption() && !tenant.getFacilities().isSipEncryption()) {
                add(p + ".sipEncryption", "needsSipEncryption");
            }
            if (c.getCoupledUser() != null) {
                Extension e = extensions.get(c.getCoupledUser());
                if (!(e instanceof UserExtension user)) {
                    add(p + ".coupledUser", "notAUser", c.getCoupledUser());
                } else {
                    int count = coupled.merge(user.getNumber(), 1, Integer::sum);
                    int max = user.isTwinning() ? 2 : 1;
                    if (count > max) {
                        add(p + ".coupledUser", max == 1 ? "coupledWithoutTwinning" : "coupledWithTwinning", user.getNumber());
                    }
                }
            }
        }
    }

    private void privacyGroups() {
        noDuplicates("privacyGroups", tenant.getPrivacyGroups(), PrivacyGroup::getName);
        for (int i = 0; i < tenant.getPrivacyGroups().size(); i++) {
            PrivacyGroup g = tenant.getPrivacyGroups().get(i);
            String p = "privacyGroups[" + i + "]";
            users(p + ".members", g.getMembers());
            noDuplicates(p + ".rights", g.getRights(), PrivacyRight::getTarget);
            for (int j = 0; j < g.getRights().size(); j++) {
                String target = g.getRights().get(j).getTarget();
                if (target != null && !(extensions.get(target) instanceof UserExtension)) {
                    add(p + ".rights[" + j + "].target", "notAUser", target);
                }
            }
        }
    }
}
