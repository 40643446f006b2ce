package org.reachpbx.server.cluster;

import java.util.UUID;
import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.server.livestate.RedisLink;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes everywhere at once (docs/cluster.md): a committed tenant import, edit or deletion and a
 * rule-table publish or rollback on one instance are announced on a Redis topic, and every other
 * instance rebuilds that tenant's view or reloads the tables from the database at once. Calls in
 * progress keep the view and tables they started with (both are immutable snapshots). After a
 * Redis outage, in which announcements may have been lost, every view and the tables are reloaded.
 */
public class ClusterChanges implements RedisLink.Participant, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);
    private static final String TENANT = "tenant:";
    private static final String TABLES = "tables:";

    private final RedisLink link;
    private final TenantViewCache views;
    private final TableRegistry tables;
    private final RTopic topic;
    private final String instance = UUID.randomUUID().toString();
    private final int listener;
    /** Set while this instance applies another's change, so that it is not announced back. */
    private final ThreadLocal<Boolean> applying = ThreadLocal.withInitial(() -> false);

    public ClusterChanges(RedisLink link, TenantViewCache views, TableRegistry tables) {
        this.link = link;
        this.views = views;
        this.tables = tables;
        this.topic = link.redis().getTopic(link.key("changes"), StringCodec.INSTANCE);
        this.listener = topic.addListener(String.class, (channel, message) -> apply(message));
        tables.addListener(published -> {
            if (!applying.get()) {
                announce(TABLES + tables.activeVersion());
            }
        });
        link.join(this);
    }

    /** Called after the change committed (the caller wires it as an after-commit listener). */
    public void tenantChanged(TenantChangedEvent event) {
        announce(TENANT + event.tenantId());
    }

    private void announce(String change) {
        link.write(() -> topic.publish(instance + " " + change));
    }

    private void apply(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(instance)) {
            return;
        }
        String change = message.substring(space + 1);
        applying.set(true);
        try {
            if (change.startsWith(TENANT)) {
                views.refresh(Long.parseLong(change.substring(TENANT.length())));
            } else if (change.startsWith(TABLES)) {
                tables.reload();
            }
        } catch (RuntimeException e) {
            log.warn("could not apply the change {} announced by another instance", change, e);
        } finally {
            applying.set(false);
        }
    }

    @Override
    public void heartbeat() {
        // Announcements are not renewed.
    }

    /** Announcements made while Redis was down are lost: read everything again. */
    @Override
    public void recovered() {
        applying.set(true);
        try {
            views.afterSingletonsInstantiated();
            tables.reload();
        } finally {
            applying.set(false);
        }
    }

    @Override
    public void close() {
        topic.removeListener(listener);
    }
}
