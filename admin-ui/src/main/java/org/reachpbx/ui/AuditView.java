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
import org.reachpbx.ui.access.Roles;

/** The audit trail: every change made through the admin UI, newest first. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("ReachPBX – Audit")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AuditView extends VerticalLayout {

    static final int SHOWN = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public AuditView(AuditTrail audit) {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit");
        grid.addColumn(e -> WHEN.format(e.getAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::getUsername).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.getTenantId() == null ? "" : e.getTenantId().toString()).setHeader("Tenant id")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::getAction).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditEntry::getDetail).setHeader("Detail").setFlexGrow(1);
        grid.setItems(audit.latest(SHOWN));
        add(new H2("Audit"), new Paragraph("Changes made through the admin UI, newest first (the last " + SHOWN + ")."),
                grid);
        setSizeFull();
    }
}
