package org.reachpbx.server.recording;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is recorded (REC-01): with the account's call recording facility on, the users with the
 * recording right. Read once per tenant and forgotten when its configuration changes, so a call
 * does not read the database.
 */
class RecordingRights {

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;
    private final Map<Long, Set<String>> recorded = new ConcurrentHashMap<>();

    RecordingRights(TenantRepository tenants, TransactionTemplate readOnly) {
        this.tenants = tenants;
        this.readOnly = readOnly;
    }

    Set<String> of(long tenantId) {
        return recorded.computeIfAbsent(tenantId, id -> readOnly.execute(s -> tenants.findById(id)
                .map(RecordingRights::recordedUsers).orElse(Set.of())));
    }

    private static Set<String> recordedUsers(Tenant t) {
        if (t.getFacilities() == null || !t.getFacilities().isCallRecording()) {
            return Set.of();
        }
        Set<String> users = new HashSet<>();
        for (UserExtension u : t.getUsers()) {
            if (u.getRights() != null && u.getRights().isCallRecording()) {
                users.add(u.getNumber());
            }
        }
        return Set.copyOf(users);
    }

    void forget(long tenantId) {
        recorded.remove(tenantId);
    }
}
