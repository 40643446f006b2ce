package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public AuditView(AuditTrail audit, CurrentUser current) {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit");
        grid.addColumn(e -> WHEN.format(e.getAt())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getUsername).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(e -> e.getTenantId() == null ? "" : e.getTenantId().toString()).setHeader(getTranslation("audit.tenantId"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::getAction).setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getDetail).setHeader(getTranslation("audit.detail")).setFlexGrow(1);
        grid.getColumns().forEach(c -> c.setSortable(true));
        PbxUser user = current.user();
        List<AuditEntry> entries = user.role().tenantBound() ? audit.latest(user.tenantId(), SHOWN) : audit.latest(SHOWN);
        GridListDataView<AuditEntry> view = grid.setItems(entries);
        TextField filter = new TextField();
        filter.setId("audit-filter");
        filter.setPlaceholder(getTranslation("audit.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> view.setFilter(entry -> matches(entry, e.getValue())));
        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro", SHOWN)),
                filter, grid);
        setSizeFull();
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
