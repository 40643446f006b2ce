package org.reachpbx.directory.access;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records every change made through the admin UI and lists the latest ones. */
@Service
public class AuditTrail {

    private static final int DETAIL_MAX = 2000;

    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditTrail(AuditEntryRepository entries, ObjectProvider<Clock> clock) {
        this.entries = entries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records that {@code username} did {@code action} (e.g. "Rule tables: publish"), with details. */
    @Transactional
    public AuditEntry record(String username, Long tenantId, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.setAt(clock.instant());
        entry.setUsername(username);
        entry.setTenantId(tenantId);
        entry.setAction(action);
        entry.setDetail(detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX));
        return entries.save(entry);
    }

    /** The newest {@code limit} entries about one tenant, newest first (what its tenant admin sees). */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(long tenantId, int limit) {
        return entries.findByTenantIdOrderByAtDescIdDesc(tenantId, PageRequest.of(0, limit));
    }

    /** The newest {@code limit} entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return entries.findByOrderByAtDescIdDesc(PageRequest.of(0, limit));
    }
}
