package org.reachpbx.server.sip.media;

import java.util.List;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** The account's music-on-hold playlist as configured (MOH-01): files in order, each with its volume. */
public class MusicOnHold {

    public record Entry(String file, int volume) {
    }

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;

    public MusicOnHold(TenantRepository tenants, TransactionTemplate readOnly) {
        this.tenants = tenants;
        this.readOnly = readOnly;
    }

    public List<Entry> playlist(long tenantId) {
        return readOnly.execute(tx -> tenants.findById(tenantId)
                .map(t -> t.getMusicOnHold().stream().map(f -> new Entry(f.getFile(), f.getVolume())).toList())
                .orElse(List.of()));
    }
}
