package org.reachpbx.ui.queues;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.queue.QueueCallEventRepository;
import org.reachpbx.directory.queue.QueueStatistics;
import org.reachpbx.directory.queue.QueueStatistics.Interval;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

/**
 * Queues (QUE-39): a live wallboard (callers waiting, longest wait, agents and their states,
 * today's service level) that refreshes itself every {@value #POLL_MILLIS} ms while shown, and
 * today's statistics of one queue as a small SVG chart per hour of the tenant's clock.
 */
@Route(value = "queues", layout = MainLayout.class)
@PageTitle("ReachPBX – Queues")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
public class QueuesView extends VerticalLayout {

    static final int POLL_MILLIS = 3000;

    private final QueueBoard board;
    private final QueueCallEventRepository events;
    private final TenantViewCache views;
    private final Clock clock;
    private final int serviceLevelSeconds;
    private final PbxUser me;
    private final ComboBox<TenantStore.TenantSummary> tenant = new ComboBox<>();
    private final FlexLayout tiles = new FlexLayout();
    private final ComboBox<String> chartQueue = new ComboBox<>();
    private final Div chart = new Div();
    private Registration polling;

    public QueuesView(ObjectProvider<QueueBoard> board, QueueCallEventRepository events, TenantStore tenants,
                      TenantViewCache views, CurrentUser current, Clock clock,
                      @Value("${pbx.queue.service-level-seconds:20}") int serviceLevelSeconds) {
        this.board = board.getIfAvailable(() -> tenantId -> List.of());
        this.events = events;
        this.views = views;
        this.clock = clock;
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.me = current.user();
        tenant.setId("queues-tenant");
        tenant.setLabel(getTranslation("queues.tenant"));
        tenant.setItemLabelGenerator(TenantStore.TenantSummary::name);
        List<TenantStore.TenantSummary> visible = tenants.list().stream().filter(t -> me.seesTenant(t.id()))
                .sorted(Comparator.comparing(TenantStore.TenantSummary::name)).toList();
        tenant.setItems(visible);
        visible.stream().filter(t -> me.tenantId() == null || t.id() == me.tenantId()).findFirst()
                .ifPresent(tenant::setValue);
        tenant.setVisible(me.role() == UiRole.PLATFORM_ADMIN);
        tenant.addValueChangeListener(e -> refresh());
        tiles.setId("queue-wallboard");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        chartQueue.setId("queue-stats-queue");
        chartQueue.setLabel(getTranslation("queues.chartQueue"));
        chartQueue.addValueChangeListener(e -> drawChart());
        chart.setId("queue-stats-chart");
        chart.setWidthFull(); // the chart scales to this width (DayChart), at most its own 480 px
        chart.getStyle().set("max-width", DayChart.WIDTH + "px");
        add(new H2(getTranslation("queues.title")), tenant, tiles, new H3(getTranslation("queues.today")), chartQueue, chart);
        refresh();
    }

    private Long tenantId() {
        return tenant.getValue() == null ? me.tenantId() : Long.valueOf(tenant.getValue().id());
    }

    private ZoneId zone(long id) {
        return views.byId(id).map(v -> v.zone()).orElse(ZoneOffset.UTC);
    }

    /** The wallboard again, from the server's live state and today's events. */
    void refresh() {
        tiles.removeAll();
        Long id = tenantId();
        if (id == null) {
            return;
        }
        List<QueueBoard.QueueNow> now = board.queues(id);
        Map<String, QueueStatistics.Row> today = new HashMap<>();
        for (QueueBoard.QueueNow q : now) {
            List<QueueStatistics.Row> day = day(id, q.number(), Interval.DAY);
            if (!day.isEmpty()) {
                today.put(q.number(), day.get(0));
            }
        }
        for (Wallboard.Tile t : Wallboard.tiles(now, today)) {
            tiles.add(tile(t));
        }
        List<String> numbers = now.stream().map(QueueBoard.QueueNow::number).toList();
        if (!numbers.equals(chartQueue.getListDataView().getItems().toList())) {
            chartQueue.setItems(numbers);
            if (!numbers.isEmpty()) {
                chartQueue.setValue(numbers.get(0));
            }
        }
        drawChart();
    }

    private List<QueueStatistics.Row> day(long id, String queue, Interval interval) {
        ZoneId zone = zone(id);
        Instant from = QueueStatistics.floor(clock.instant(), zone, Interval.DAY).toInstant();
        Instant to = QueueStatistics.floor(clock.instant(), zone, Interval.DAY).plusDays(1).toInstant();
        return QueueStatistics.of(events.between(id, queue, from, to), from, to, zone, interval, serviceLevelSeconds);
    }

    private Div tile(Wallboard.Tile t) {
        Div tile = new Div();
        tile.setId("queue-" + t.queue());
        tile.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "14em");
        Span waiting = new Span(String.valueOf(t.waiting()));
        waiting.setId("queue-" + t.queue() + "-waiting");
        waiting.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span agents = new Span(t.agents().stream().map(a -> a.extension() + " " + getTranslation("queues.agent." + a.state()))
                .collect(Collectors.joining(", ")));
        agents.setId("queue-" + t.queue() + "-agents");
        tile.add(new Div(new Span(t.queue() + " " + (t.name() == null ? "" : t.name()))),
                new Div(waiting, new Span(" " + getTranslation("queues.waiting"))),
                new Div(new Span(getTranslation("queues.longest", Wallboard.minutes(t.longestWaitSeconds())))),
                new Div(agents),
                new Div(new Span(getTranslation("queues.todayLine", t.answeredToday(), t.abandonedToday(),
                        t.serviceLevelToday() == null ? "–" : t.serviceLevelToday() + "%"))));
        return tile;
    }

    private void drawChart() {
        chart.removeAll();
        Long id = tenantId();
        if (id == null || chartQueue.getValue() == null) {
            return;
        }
        chart.add(new Html("<div>" + DayChart.svg(day(id, chartQueue.getValue(), Interval.HOUR)) + "</div>"));
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
