package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.reachpbx.directory.store.TenantStore;

/**
 * Start page of the admin UI: the tenants in the configuration store. Editing views follow with the
 * admin UI issue; until then configuration changes go through the YAML import.
 */
@Route("")
@PageTitle("ReachPBX – Tenants")
public class TenantsView extends VerticalLayout {

    public TenantsView(TenantStore store) {
        Grid<TenantStore.TenantSummary> grid = new Grid<>();
        grid.addColumn(TenantStore.TenantSummary::name).setHeader("Tenant").setSortable(true);
        grid.addColumn(TenantStore.TenantSummary::sipDomain).setHeader("SIP domain").setSortable(true);
        grid.setItems(store.list());
        add(new H2("Tenants"),
                new Paragraph("Export a tenant with GET /api/tenants/{id}/export; import with POST /api/tenants."),
                grid);
        setSizeFull();
    }
}
