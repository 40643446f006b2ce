package org.reachpbx.ui.calls;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.ui.edge.SipEdgeStatus;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;

/**
 * What is live now, at the top of the start page (issue 17): calls in progress, registered versus
 * configured channels, calls per minute over the last hour and the outbox backlog, of the own
 * tenant (a tenant admin) or of the platform. It refreshes itself every {@value #POLL_MILLIS} ms
 * (Vaadin polling) while it is shown.
 */
public class Dashboard extends VerticalLayout {

    static final int POLL_MILLIS = 5000;

    private final Long tenantId;
    private final LiveStatus live;
    private final CallDetailRecordRepository records;
    private final OutboxMessageRepository outbox;
    private final TenantStore tenants;
    private final TenantViewCache views;
    private final Clock clock;
    private final Span calls = value("dash-calls");
    private final Span registered = value("dash-registered");
    private final Span backlog = value("dash-outbox");
    private final Div trunks = new Div();
    private final Span bans = value("dash-bans");
    private final Span authFailures = value("dash-auth");
    /** The SIP edge, for the platform admin only (bans are per source address, not per tenant); else null. */
    private final SipEdgeStatus edge;
    private final CallsPerMinute perMinute = new CallsPerMinute();
    private Registration polling;

    public Dashboard(Long tenantId, LiveStatus live, CallDetailRecordRepository records, OutboxMessageRepository outbox,
                     TenantStore tenants, TenantViewCache views, Clock clock, SipEdgeStatus edge) {
        this.tenantId = tenantId;
        this.edge = edge;
        this.live = live;
        this.records = records;
        this.outbox = outbox;
        this.tenants = tenants;
        this.views = views;
        this.clock = clock;
        setId("dashboard");
        setPadding(false);
        trunks.setId("dash-trunks");
        FlexLayout tiles = new FlexLayout(tile("dash.callsInProgress", calls), tile("dash.registered", registered),
                tile("dash.outbox", backlog), tile("dash.trunks", trunks));
        if (edge != null) {
            tiles.add(tile("dash.bans", bans), tile("dash.authFailures", authFailures));
        }
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        Div chart = new Div(new Span(getTranslation("dash.callsPerMinute")), perMinute);
        chart.setWidthFull();
        chart.getStyle().set("max-width", "40em");
        add(new H2(getTranslation("dash.title")), tiles, chart);
        refresh();
    }

    private static Span value(String id) {
        Span s = new Span();
        s.setId(id);
        s.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        return s;
    }

    private Div tile(String label, com.vaadin.flow.component.Component value) {
        Div tile = new Div(new Div(new Span(getTranslation(label))), new Div(value));
        tile.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "10em");
        return tile;
    }

    /** Reads everything again: the live counters from the server, the rest from the database. */
    void refresh() {
        calls.setText(String.valueOf(live == null ? 0 : live.callsInProgress(tenantId)));
        registered.setText(getTranslation("dash.registeredOf", live == null ? 0 : live.registeredChannels(tenantId),
                configuredChannels()));
        long pending = tenantId == null ? outbox.countByState(OutboxState.PENDING)
                : outbox.countByTenantIdAndState(tenantId, OutboxState.PENDING);
        long dead = tenantId == null ? outbox.countByState(OutboxState.DEAD)
                : outbox.countByTenantIdAndState(tenantId, OutboxState.DEAD);
        backlog.setText(getTranslation("dash.outboxValue", pending, dead));
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofMinutes(CallsPerMinute.MINUTES));
        List<Instant> starts = tenantId == null ? records.allStartsSince(since) : records.startsSince(tenantId, since);
        perMinute.show(starts, now, getTranslation("dash.callsLastHour", starts.size()));
        showTrunks(since);
        if (edge != null) {
            SipEdgeStatus.Summary s = edge.summary();
            bans.setText(String.valueOf(s.bans().size()));
            authFailures.setText(String.valueOf(s.counters().getOrDefault("auth.failures", 0L)));
        }
    }

    /**
     * Each configured trunk with its calls of the last hour and how many failed (from the call
     * records: there is no probe of the trunk, so a trunk without calls shows just that).
     */
    private void showTrunks(Instant since) {
        Map<String, long[]> perTrunk = new TreeMap<>();
        if (live != null) {
            live.trunks().forEach(t -> perTrunk.put(t, new long[2]));
        }
        for (Object[] row : records.trunkCallsSince(tenantId, since)) {
            long[] n = perTrunk.computeIfAbsent((String) row[0], t -> new long[2]);
            long count = ((Number) row[2]).longValue();
            n[0] += count;
            if (row[1] == CallDisposition.FAILED) {
                n[1] += count;
            }
        }
        trunks.removeAll();
        if (perTrunk.isEmpty()) {
            trunks.add(new Div(getTranslation("dash.noTrunks")));
        }
        perTrunk.forEach((name, n) -> trunks.add(new Div(n[0] == 0 ? getTranslation("dash.trunkIdle", name)
                : getTranslation("dash.trunkCalls", name, n[0], n[1]))));
    }

    private int configuredChannels() {
        if (tenantId != null) {
            return views.byId(tenantId).map(v -> v.channels().size()).orElse(0);
        }
        return tenants.list().stream().mapToInt(t -> views.byId(t.id()).map(v -> v.channels().size()).orElse(0)).sum();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
