package org.reachpbx.ui.outbox;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.integrations.outbox.Outbox;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;

/**
 * The outbox of webhooks, e-mails, SMS and message-waiting notices (the service behind
 * {@code /api/outbox}): state, attempts, last error; a DEAD message can be retried. A tenant admin
 * sees the own tenant's messages. Retries are audited.
 */
@Route(value = "outbox", layout = MainLayout.class)
@PageTitle("ReachPBX – Outbox")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
public class OutboxView extends VerticalLayout {

    static final int SHOWN = 500;

    private final Outbox outbox;
    private final CurrentUser current;
    private final PbxUser me;
    private final ComboBox<OutboxState> state = new ComboBox<>();
    private final Grid<OutboxMessage> grid = new Grid<>();

    private final org.reachpbx.directory.view.TenantViewCache views;

    public OutboxView(Outbox outbox, CurrentUser current, org.reachpbx.directory.view.TenantViewCache views) {
        this.views = views;
        this.outbox = outbox;
        this.current = current;
        this.me = current.user();
        state.setId("outbox-state");
        state.setLabel(getTranslation("outbox.state"));
        state.setItems(OutboxState.values());
        state.setClearButtonVisible(true);
        state.setPlaceholder(getTranslation("outbox.all"));
        state.addValueChangeListener(e -> refresh());
        grid.setId("outbox");
        grid.addColumn(OutboxMessage::getId).setHeader("Id").setAutoWidth(true);
        Grids.sortBy(grid.addColumn(m -> when(m.getCreatedAt(), m)).setHeader(getTranslation("outbox.created"))
                .setAutoWidth(true), OutboxMessage::getCreatedAt);
        grid.addColumn(m -> org.reachpbx.ui.config.Labels.choice(OutboxChannel.class, m.getChannel().name(), this::getTranslation)).setHeader(getTranslation("outbox.channel")).setAutoWidth(true);
        grid.addColumn(OutboxMessage::getDestination).setHeader(getTranslation("outbox.destination")).setAutoWidth(true);
        grid.addColumn(m -> org.reachpbx.ui.config.Labels.choice(OutboxState.class, m.getState().name(), this::getTranslation)).setHeader(getTranslation("outbox.state")).setAutoWidth(true);
        grid.addColumn(OutboxMessage::getAttempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true);
        Grids.sortBy(grid.addColumn(m -> when(m.getNextAttemptAt(), m)).setHeader(getTranslation("outbox.next"))
                .setAutoWidth(true), OutboxMessage::getNextAttemptAt);
        grid.addColumn(m -> m.getLastError() == null ? "" : m.getLastError())
                .setHeader(getTranslation("outbox.lastError")).setFlexGrow(1);
        grid.addComponentColumn(this::retry).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        Grids.sortable(grid);
        add(new H2(getTranslation("outbox.title")), new Paragraph(getTranslation("outbox.intro", SHOWN)), state, grid);
        refresh();
    }

    private void refresh() {
        Long tenantId = me.role() == UiRole.PLATFORM_ADMIN ? null : me.tenantId();
        grid.setItems(outbox.list(tenantId, state.getValue(), null, SHOWN));
    }

    private Component retry(OutboxMessage m) {
        if (m.getState() != OutboxState.DEAD) {
            return new Span();
        }
        Button b = new Button(getTranslation("outbox.retry"), e -> {
            OutboxMessage again = outbox.retry(m.getId());
            current.audit(again.getTenantId(), "Outbox: retry", "message " + again.getId() + " (" + again.getChannel()
                    + " " + again.getDestination() + ")");
            Notification.show(getTranslation("outbox.retried", String.valueOf(again.getId())), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        b.setId("outbox-retry-" + m.getId());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** In the message's tenant's zone, named (issue 17, defect 7). */
    private String when(Instant at, OutboxMessage m) {
        return org.reachpbx.ui.Times.format(at, org.reachpbx.ui.Times.zoneOf(m.getTenantId(), views));
    }
}
