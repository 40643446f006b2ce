package org.reachpbx.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUser;
import org.reachpbx.directory.access.UiUsers;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.store.TenantStore.TenantSummary;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The admin UI's logins: a platform admin manages all, a tenant admin those of the own tenant (and
 * may give only the tenant roles). Create, change role, tenant and linked extension, set a new
 * password (stored only as a hash), disable. Every change is audited; passwords never are.
 */
@Route(value = "ui-users", layout = MainLayout.class)
@PageTitle("ReachPBX – UI users")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
public class UsersView extends VerticalLayout {

    private final UiUsers users;
    private final TenantEditor editor;
    private final PasswordEncoder encoder;
    private final CurrentUser current;
    private final PbxUser me;
    private final Map<Long, String> tenantNames;

    private final Grid<UiUser> grid = new Grid<>();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final ComboBox<UiRole> role = new ComboBox<>();
    private final ComboBox<TenantSummary> tenant = new ComboBox<>();
    private final ComboBox<String> extension = new ComboBox<>();
    private final Checkbox enabled = new Checkbox();
    private final Span status = new Span();
    /** Narrows the list to users whose name, role, tenant or extension contain the text. */
    private final Grids.Filter<UiUser> filter;
    private Long editing;

    public UsersView(UiUsers users, TenantStore store, TenantEditor editor, PasswordEncoder encoder,
                     CurrentUser current) {
        this.users = users;
        this.editor = editor;
        this.encoder = encoder;
        this.current = current;
        this.me = current.user();
        List<TenantSummary> tenants = store.list().stream().filter(t -> me.seesTenant(t.id())).toList();
        tenantNames = tenants.stream().collect(Collectors.toMap(TenantSummary::id, TenantSummary::name));

        grid.setId("ui-users");
        filter = Grids.filter("ui-users-filter", getTranslation("config.filter"), grid, u -> java.util.stream.Stream.of(
                u.getUsername(), u.getRole().name(), org.reachpbx.ui.config.Labels.choice(UiRole.class, u.getRole().name(),
                        this::getTranslation), u.getTenantId() == null ? null : tenantNames.get(u.getTenantId()),
                u.getExtension()));
        grid.addColumn(UiUser::getUsername).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(u -> org.reachpbx.ui.config.Labels.choice(UiRole.class, u.getRole().name(), this::getTranslation)).setHeader(getTranslation("users.role")).setAutoWidth(true);
        grid.addColumn(u -> u.getTenantId() == null ? "" : tenantNames.getOrDefault(u.getTenantId(), "#" + u.getTenantId()))
                .setHeader(getTranslation("users.tenant")).setAutoWidth(true);
        grid.addColumn(u -> u.getExtension() == null ? "" : u.getExtension())
                .setHeader(getTranslation("users.extension")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.isEnabled() ? "users.enabled.yes" : "users.enabled.no"))
                .setHeader(getTranslation("users.enabled")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Grids.sortable(grid);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        username.setId("user-name");
        username.setLabel(getTranslation("users.username"));
        password.setId("user-password");
        password.setLabel(getTranslation("users.password"));
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(me.role() == UiRole.PLATFORM_ADMIN ? List.of(UiRole.values())
                : List.of(UiRole.TENANT_ADMIN, UiRole.END_USER, UiRole.RECORDINGS_ACCOUNT, UiRole.RECORDINGS_END_USER));
        role.setItemLabelGenerator(r -> org.reachpbx.ui.config.Labels.choice(UiRole.class, r.name(), this::getTranslation));
        role.addValueChangeListener(e -> fields());
        tenant.setId("user-tenant");
        tenant.setLabel(getTranslation("users.tenant"));
        tenant.setItems(tenants);
        tenant.setItemLabelGenerator(TenantSummary::name);
        tenant.addValueChangeListener(e -> loadExtensions());
        extension.setId("user-extension");
        extension.setLabel(getTranslation("users.extension"));
        enabled.setId("user-enabled");
        enabled.setLabel(getTranslation("users.enabled"));
        status.setId("user-status");

        Button create = new Button(getTranslation("users.new"), e -> grid.asSingleSelect().clear());
        create.setId("user-new");
        Button save = new Button(getTranslation("users.save"), e -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, password, role, tenant, extension, enabled);
        add(new H2(getTranslation("users.title")), new Paragraph(getTranslation("users.intro")), filter, grid, form,
                new HorizontalLayout(create, save), status);
        refresh();
        edit(null);
    }

    private void refresh() {
        filter.setItems(users.list(me.role() == UiRole.PLATFORM_ADMIN ? null : me.tenantId()).stream()
                .sorted(Comparator.comparing(UiUser::getUsername)).toList());
    }

    private void edit(UiUser u) {
        editing = u == null ? null : u.getId();
        username.setValue(u == null ? "" : u.getUsername());
        password.clear();
        password.setPlaceholder(u == null ? "" : getTranslation("users.password.keep"));
        role.setValue(u == null ? (me.role() == UiRole.PLATFORM_ADMIN ? UiRole.ANALYST : UiRole.END_USER) : u.getRole());
        Long tenantId = u == null ? me.tenantId() : u.getTenantId();
        tenant.getListDataView().getItems().filter(t -> tenantId != null && t.id() == tenantId).findFirst()
                .ifPresentOrElse(tenant::setValue, tenant::clear);
        extension.setValue(u == null ? null : u.getExtension());
        enabled.setValue(u == null || u.isEnabled());
        fields();
    }

    private void fields() {
        UiRole r = role.getValue();
        tenant.setVisible(r != null && r.tenantBound());
        tenant.setReadOnly(me.role() != UiRole.PLATFORM_ADMIN);
        extension.setVisible(r != null && r.ownExtension());
    }

    private void loadExtensions() {
        String keep = extension.getValue();
        List<String> numbers = tenant.getValue() == null ? List.of() : editor.draft(tenant.getValue().id())
                .map(t -> t.getUsers().stream().map(UserExtension::getNumber).sorted().toList()).orElse(List.of());
        extension.setItems(numbers);
        if (keep != null && numbers.contains(keep)) {
            extension.setValue(keep);
        }
    }

    private void save() {
        UiRole r = role.getValue();
        Long tenantId = r != null && r.tenantBound() && tenant.getValue() != null ? tenant.getValue().id() : null;
        if (me.role() != UiRole.PLATFORM_ADMIN && (r == null || !r.tenantBound() || !me.tenantId().equals(tenantId))) {
            error(getTranslation("users.ownTenantOnly"));
            return;
        }
        try {
            boolean created = editing == null;
            UiUser saved = users.save(editing, username.getValue(), password.getValue(), r, tenantId,
                    extension.getValue(), enabled.getValue(), encoder);
            current.audit(saved.getTenantId(), created ? "UI users: create" : "UI users: change",
                    saved.getUsername() + " " + saved.getRole() + (saved.getExtension() == null ? ""
                            : " extension " + saved.getExtension()) + (saved.isEnabled() ? "" : " (disabled)")
                            + (password.isEmpty() ? "" : ", password set"));
            status.setText(getTranslation("users.saved", saved.getUsername()));
            refresh();
            grid.getListDataView().getItems().filter(u -> u.getId().equals(saved.getId())).findFirst()
                    .ifPresent(grid::select);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    private void error(String message) {
        status.setText(message);
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
