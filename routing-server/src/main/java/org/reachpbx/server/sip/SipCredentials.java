package org.reachpbx.server.sip;

import java.util.Locale;
import java.util.Optional;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.SipPasswordHash;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stored HA1 values of a channel, looked up by SIP domain (= realm) and channel name. */
public class SipCredentials {

    /** What the registrar needs of a channel. */
    public record Credential(long tenantId, String channel, String ha1Md5, String ha1Sha256) {
    }

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;

    public SipCredentials(TenantRepository tenants, PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<Credential> find(String domain, String channelName) {
        if (domain == null || channelName == null) {
            return Optional.empty();
        }
        return readOnly.execute(s -> tenants.findBySipDomain(domain.toLowerCase(Locale.ROOT)).flatMap(t -> {
            for (Channel c : t.getChannels()) {
                if (c.getName().equals(channelName)) {
                    SipPasswordHash h = c.getPasswordHash();
                    if (h == null) {
                        return Optional.<Credential>empty();
                    }
                    return Optional.of(new Credential(t.getId(), c.getName(), h.getMd5(), h.getSha256()));
                }
            }
            return Optional.<Credential>empty();
        }));
    }
}
