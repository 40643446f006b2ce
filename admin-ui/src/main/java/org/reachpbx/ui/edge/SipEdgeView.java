package org.reachpbx.ui.edge;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Map;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The SIP edge for the platform admin (issue 15 item 7): the source addresses banned now, with a
 * button to lift a ban (audited, as over REST), the limits and the counters since start. The same
 * as {@code GET /api/sip/edge}.
 */
@Route(value = "sip-edge", layout = MainLayout.class)
@PageTitle("ReachPBX – SIP edge")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SipEdgeView extends VerticalLayout {


    private final SipEdgeStatus edge;
    private final CurrentUser current;
    private final Paragraph limits = new Paragraph();
    private final Grid<SipEdgeStatus.Ban> bans = new Grid<>();
    private final Grid<Map.Entry<String, Long>> counters = new Grid<>();

    public SipEdgeView(ObjectProvider<SipEdgeStatus> edge, CurrentUser current) {
        this.edge = edge.getIfAvailable();
        this.current = current;
        add(new H2(getTranslation("edge.title")));
        if (this.edge == null) {
            add(new Paragraph(getTranslation("edge.off")));
            return;
        }
        limits.setId("edge-limits");
        bans.setId("edge-bans");
        bans.addColumn(SipEdgeStatus.Ban::address).setHeader(getTranslation("edge.address")).setAutoWidth(true);
        bans.addColumn(SipEdgeStatus.Ban::reason).setHeader(getTranslation("edge.reason")).setAutoWidth(true);
        bans.addColumn(b -> when(b.since())).setHeader(getTranslation("edge.since")).setAutoWidth(true);
        bans.addColumn(b -> when(b.until())).setHeader(getTranslation("edge.until")).setAutoWidth(true);
        bans.addComponentColumn(this::lift).setHeader("").setAutoWidth(true);
        bans.setAllRowsVisible(true);
        counters.setId("edge-counters");
        counters.addColumn(Map.Entry::getKey).setHeader(getTranslation("edge.counter")).setAutoWidth(true);
        counters.addColumn(Map.Entry::getValue).setHeader(getTranslation("edge.count")).setAutoWidth(true);
        counters.setAllRowsVisible(true);
        Button refresh = new Button(getTranslation("edge.refresh"), e -> refresh());
        refresh.setId("edge-refresh");
        add(new Paragraph(getTranslation("edge.intro")), limits, refresh, new H3(getTranslation("edge.bans")), bans,
                new H3(getTranslation("edge.counters")), counters);
        refresh();
    }

    private void refresh() {
        SipEdgeStatus.Summary s = edge.summary();
        limits.setText(s.limitsOn()
                ? getTranslation("edge.limits", s.requestsPerSecond(), s.burst(), s.openTcpConnections(),
                        s.allowlist().isEmpty() ? "–" : String.join(", ", s.allowlist()))
                : getTranslation("edge.limitsOff", s.openTcpConnections()));
        bans.setItems(s.bans());
        counters.setItems(s.counters().entrySet().stream().toList());
    }

    private Component lift(SipEdgeStatus.Ban ban) {
        Button b = new Button(getTranslation("edge.lift"), e -> {
            if (edge.lift(ban.address())) {
                current.audit(null, "SIP edge: lift ban", ban.address());
                Notification.show(getTranslation("edge.lifted", ban.address()), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            refresh();
        });
        b.setId("edge-lift-" + ban.address().replace(':', '_'));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return b;
    }

    /** Shared by all tenants, so in UTC, named (issue 17, defect 7). */
    private static String when(Instant at) {
        return org.reachpbx.ui.Times.format(at, org.reachpbx.ui.Times.UTC);
    }
}
