package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;

/**
 * Start page of the admin UI: the tenants this user may see (a tenant admin: the own one) with
 * their size, and the users and extensions of the selected one. Read-only for now; configuration
 * changes go through the YAML import.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("ReachPBX – Tenants")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class TenantsView extends VerticalLayout {

    /** One row: a tenant and how much it holds. */
    record TenantRow(long id, String name, String sipDomain, long users, int extensions, int numbers) {
    }

    public TenantsView(TenantStore store, TenantViewCache views, CurrentUser current) {
        Grid<TenantRow> grid = new Grid<>();
        grid.setId("tenants");
        grid.addColumn(TenantRow::name).setHeader("Tenant").setSortable(true);
        grid.addColumn(TenantRow::sipDomain).setHeader("SIP domain").setSortable(true);
        grid.addColumn(TenantRow::users).setHeader("Users").setSortable(true);
        grid.addColumn(TenantRow::extensions).setHeader("Extensions").setSortable(true);
        grid.addColumn(TenantRow::numbers).setHeader("Public numbers").setSortable(true);
        grid.setItems(rows(store, views, current));
        grid.setAllRowsVisible(true);

        Grid<ExtensionView> extensions = new Grid<>();
        extensions.setId("extensions");
        extensions.addColumn(ExtensionView::number).setHeader("Extension").setSortable(true).setAutoWidth(true);
        extensions.addColumn(ExtensionView::type).setHeader("Type").setSortable(true).setAutoWidth(true);
        extensions.addColumn(ExtensionView::name).setHeader("Name").setSortable(true).setFlexGrow(1);
        extensions.setVisible(false);
        H3 extensionsTitle = new H3();
        grid.addSelectionListener(e -> {
            List<ExtensionView> list = e.getFirstSelectedItem().flatMap(t -> views.byId(t.id()))
                    .map(v -> v.extensions().values().stream()
                            .sorted(Comparator.comparing(ExtensionView::number)).toList())
                    .orElse(List.of());
            extensionsTitle.setText(e.getFirstSelectedItem().map(t -> "Users and extensions of " + t.name()).orElse(""));
            extensions.setItems(list);
            extensions.setVisible(e.getFirstSelectedItem().isPresent());
        });
        add(new H2("Tenants"),
                new Paragraph("Select a tenant to see its users and extensions. Export a tenant with"
                        + " GET /api/tenants/{id}/export; import with POST /api/tenants."),
                grid, extensionsTitle, extensions);
        setSizeFull();
    }

    private static List<TenantRow> rows(TenantStore store, TenantViewCache views, CurrentUser current) {
        return store.list().stream()
                .filter(t -> current.user().seesTenant(t.id()))
                .map(t -> views.byId(t.id())
                        .map(v -> new TenantRow(t.id(), t.name(), t.sipDomain(), users(v), v.extensions().size(),
                                v.numbers().size()))
                        .orElse(new TenantRow(t.id(), t.name(), t.sipDomain(), 0, 0, 0)))
                .toList();
    }

    private static long users(TenantView view) {
        return view.extensions().values().stream().filter(UserView.class::isInstance).count();
    }
}
