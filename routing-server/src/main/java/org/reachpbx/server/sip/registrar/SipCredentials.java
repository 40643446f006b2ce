package org.reachpbx.server.sip.registrar;

import java.util.Locale;
import java.util.Optional;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.SipPasswordHash;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored HA1 values of a channel, looked up by SIP domain (= realm) and channel name. A
 * tenant's channels are read once and kept until the tenant changes: every REGISTER and INVITE
 * asks, and reading a 1,000-channel tenant per request would dominate the SIP server's work.
 */
public class SipCredentials {

    /**
     * What the registrar needs of a channel. {@code encryptionRequired}: the channel's SIP
     * encryption is on (with the account's facility, ENC-01/ENC-04), so it may only talk over TLS.
     */
    public record Credential(long tenantId, String channel, String ha1Md5, String ha1Sha256,
                             boolean encryptionRequired) {
        public Credential(long tenantId, String channel, String ha1Md5, String ha1Sha256) {
            this(tenantId, channel, ha1Md5, ha1Sha256, false);
        }
    }

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;
    private final java.util.Map<String, java.util.Map<String, Credential>> byDomain =
            new java.util.concurrent.ConcurrentHashMap<>();

    public SipCredentials(TenantRepository tenants, PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<Credential> find(String domain, String channelName) {
        if (domain == null || channelName == null) {
            return Optional.empty();
        }
        String key = domain.toLowerCase(Locale.ROOT);
        java.util.Map<String, Credential> channels = byDomain.get(key);
        if (channels == null) {
            channels = load(key);
            // Unknown domains are not cached: anyone could fill the cache with made-up ones.
            if (channels.isEmpty()) {
                return Optional.empty();
            }
            byDomain.put(key, channels);
        }
        return Optional.ofNullable(channels.get(channelName));
    }

    private java.util.Map<String, Credential> load(String domain) {
        return readOnly.execute(s -> tenants.findBySipDomain(domain).map(t -> {
            java.util.Map<String, Credential> m = new java.util.HashMap<>();
            for (Channel c : t.getChannels()) {
                SipPasswordHash h = c.getPasswordHash();
                if (h != null) {
                    m.put(c.getName(), new Credential(t.getId(), c.getName(), h.getMd5(), h.getSha256(),
                            c.isSipEncryption() && t.getFacilities() != null && t.getFacilities().isSipEncryption()));
                }
            }
            return java.util.Map.copyOf(m);
        }).orElse(java.util.Map.of()));
    }

    /** A changed tenant may have new channels, passwords or even its domain: read again when asked. */
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void tenantChanged(org.reachpbx.directory.store.TenantChangedEvent event) {
        byDomain.clear();
    }
}
