package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;

/**
 * Start page of the admin UI: the tenants this user may see (a tenant admin: the own one) with
 * their size, the users and extensions of the selected one, and the import of a tenant's YAML
 * document (admins; a tenant admin only the own tenant).
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("ReachPBX – Tenants")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST, Roles.END_USER, Roles.RECORDINGS_ACCOUNT,
        Roles.RECORDINGS_END_USER})
public class TenantsView extends VerticalLayout implements BeforeEnterObserver {

    private final boolean endUser;
    /** A login of a call recordings role: its start page is the recordings (REC-03/04). */
    private final boolean recordingsOnly;

    /** One row: a tenant and how much it holds. */
    record TenantRow(long id, String name, String sipDomain, long users, int extensions, int numbers) {
    }

    public TenantsView(TenantStore store, TenantViewCache views, CurrentUser current,
                       org.reachpbx.directory.yaml.TenantYaml yaml,
                       org.springframework.beans.factory.ObjectProvider<org.reachpbx.ui.calls.LiveStatus> live,
                       org.reachpbx.directory.calls.CallDetailRecordRepository records,
                       org.reachpbx.directory.integrations.OutboxMessageRepository outbox, java.time.Clock clock,
                       org.reachpbx.directory.store.TenantEditor editor,
                       org.springframework.beans.factory.ObjectProvider<org.reachpbx.ui.edge.SipEdgeStatus> edge) {
        // An end user's start page is the own REACH (see beforeEnter); nothing of the tenant is read.
        endUser = current.is(UiRole.END_USER);
        recordingsOnly = current.is(UiRole.RECORDINGS_ACCOUNT) || current.is(UiRole.RECORDINGS_END_USER);
        if (endUser || recordingsOnly) {
            return;
        }
        Grid<TenantRow> grid = new Grid<>();
        grid.setId("tenants");
        grid.addColumn(TenantRow::name).setHeader(getTranslation("tenants.tenant")).setSortable(true);
        grid.addColumn(TenantRow::sipDomain).setHeader(getTranslation("tenants.sipDomain")).setSortable(true);
        grid.addColumn(TenantRow::users).setHeader(getTranslation("tenants.users")).setSortable(true);
        grid.addColumn(TenantRow::extensions).setHeader(getTranslation("tenants.extensions")).setSortable(true);
        grid.addColumn(TenantRow::numbers).setHeader(getTranslation("tenants.numbers")).setSortable(true);
        Grids.Filter<TenantRow> filter = Grids.filter("tenants-filter", getTranslation("config.filter"), grid,
                r -> java.util.stream.Stream.of(r.name(), r.sipDomain()));
        filter.setItems(rows(store, views, current));
        grid.setAllRowsVisible(true);

        Grid<ExtensionView> extensions = new Grid<>();
        extensions.setId("extensions");
        extensions.addColumn(ExtensionView::number).setHeader(getTranslation("tenants.extension")).setSortable(true).setAutoWidth(true);
        extensions.addColumn(x -> typeLabel(x)).setHeader(getTranslation("tenants.type")).setSortable(true).setAutoWidth(true);
        extensions.addColumn(ExtensionView::name).setHeader(getTranslation("tenants.name")).setSortable(true).setFlexGrow(1);
        extensions.setVisible(false);
        Grids.Filter<ExtensionView> extensionFilter = Grids.filter("extensions-filter", getTranslation("config.filter"),
                extensions, x -> java.util.stream.Stream.of(x.number(), typeLabel(x), x.name()));
        extensionFilter.setVisible(false);
        H3 extensionsTitle = new H3();
        boolean admin = current.is(UiRole.PLATFORM_ADMIN) || current.is(UiRole.TENANT_ADMIN);
        H3 transferTitle = new H3(getTranslation("tenants.export.title"));
        transferTitle.setVisible(false);
        TenantTransfer transfer = admin ? new TenantTransfer(store,
                new org.reachpbx.ui.config.ConfigSupport(store, editor, current),
                () -> reload(grid, filter, store, views, current)) : null;
        grid.addSelectionListener(e -> {
            if (transfer != null) {
                transfer.show(e.getFirstSelectedItem()
                        .map(t -> new TenantStore.TenantSummary(t.id(), t.name(), t.sipDomain())).orElse(null));
                transferTitle.setVisible(e.getFirstSelectedItem().isPresent());
            }
            List<ExtensionView> list = e.getFirstSelectedItem().flatMap(t -> views.byId(t.id()))
                    .map(v -> v.extensions().values().stream()
                            .sorted(Comparator.comparing(ExtensionView::number)).toList())
                    .orElse(List.of());
            extensionsTitle.setText(e.getFirstSelectedItem().map(t -> getTranslation("tenants.extensionsOf", t.name())).orElse(""));
            extensionFilter.setItems(list);
            extensions.setVisible(e.getFirstSelectedItem().isPresent());
            extensionFilter.setVisible(e.getFirstSelectedItem().isPresent());
        });
        if (current.is(UiRole.PLATFORM_ADMIN) || current.is(UiRole.TENANT_ADMIN)) {
            // What is live now comes first on the start page (issue 17); it refreshes itself.
            add(new org.reachpbx.ui.calls.Dashboard(current.user().tenantId(), live.getIfAvailable(), records, outbox,
                    store, views, clock, current.is(UiRole.PLATFORM_ADMIN) ? edge.getIfAvailable() : null));
        }
        add(new H2(getTranslation("tenants.title")), new Paragraph(getTranslation("tenants.intro")), filter, grid);
        if (current.is(UiRole.PLATFORM_ADMIN) || current.is(UiRole.TENANT_ADMIN)) {
            add(new H3(getTranslation("tenants.import.title")),
                    new TenantImport(store, yaml, current, () -> filter.setItems(rows(store, views, current))));
        }
        if (transfer != null) {
            add(transferTitle, transfer);
        }
        add(extensionsTitle, extensionFilter, extensions);
        setSizeFull();
    }

    /** The type's label in the UI language, not its constant (issue 17, defect 2). */
    private String typeLabel(ExtensionView x) {
        return org.reachpbx.ui.config.Labels.extensionType(x.type(), this::getTranslation);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (endUser) {
            event.forwardTo(org.reachpbx.ui.reach.ReachView.class);
        } else if (recordingsOnly) {
            event.forwardTo(org.reachpbx.ui.recordings.RecordingsView.class);
        }
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

    /** Reads the counts again after a bulk change, keeping the selected tenant selected. */
    private static void reload(Grid<TenantRow> grid, Grids.Filter<TenantRow> filter, TenantStore store,
                               TenantViewCache views, CurrentUser current) {
        java.util.Optional<Long> selected = grid.getSelectedItems().stream().findFirst().map(TenantRow::id);
        List<TenantRow> rows = rows(store, views, current);
        filter.setItems(rows);
        selected.flatMap(id -> rows.stream().filter(r -> r.id() == id).findFirst()).ifPresent(grid::select);
    }

    private static long users(TenantView view) {
        return view.extensions().values().stream().filter(UserView.class::isInstance).count();
    }
}
