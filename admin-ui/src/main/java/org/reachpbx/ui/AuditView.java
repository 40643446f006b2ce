package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.reachpbx.directory.access.AuditEntry;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The audit trail: every change made through the admin UI, newest first. The platform admin sees
 * all of it; a tenant admin the changes to the own tenant. A filter narrows it to entries whose
 * user, action or detail contain the text.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("ReachPBX – Audit")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
public class AuditView extends VerticalLayout {

    static final int SHOWN = 500;
    public AuditView(AuditTrail audit, CurrentUser current, org.reachpbx.directory.view.TenantViewCache views) {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit");
        // each change in its tenant's zone (rule tables: UTC), the zone named
        Grid.Column<AuditEntry> when = grid.addColumn(e -> Times.format(e.getAt(), Times.zoneOf(e.getTenantId(), views)))
                .setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getUsername).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(e -> e.getTenantId() == null ? "" : e.getTenantId().toString()).setHeader(getTranslation("audit.tenantId"))
                .setAutoWidth(true);
        grid.addColumn(e -> AuditActions.label(e.getAction(), this::getTranslation)).setHeader(getTranslation("audit.what"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::getDetail).setHeader(getTranslation("audit.detail")).setFlexGrow(1);
        grid.getColumns().forEach(c -> c.setSortable(true));
        Grids.sortBy(when, AuditEntry::getAt);
        PbxUser user = current.user();
        List<AuditEntry> entries = user.role().tenantBound() ? audit.latest(user.tenantId(), SHOWN) : audit.latest(SHOWN);
        GridListDataView<AuditEntry> view = grid.setItems(entries);
        TextField filter = new TextField();
        filter.setId("audit-filter");
        filter.setPlaceholder(getTranslation("audit.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        // the shown (translated) action matches too, as does the stored one
        filter.addValueChangeListener(e -> view.setFilter(entry -> matches(entry, e.getValue())
                || matches(AuditActions.label(entry.getAction(), this::getTranslation), e.getValue())));
        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro", SHOWN)),
                filter, grid);
        setSizeFull();
    }

    private static boolean matches(String shown, String text) {
        return text != null && !text.isBlank() && shown.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    static boolean matches(AuditEntry entry, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        return Stream.of(entry.getUsername(), entry.getAction(), entry.getDetail())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
