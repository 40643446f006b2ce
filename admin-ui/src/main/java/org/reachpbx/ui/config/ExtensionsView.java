package org.reachpbx.ui.config;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;

/** Extensions of all 13 types and the public numbers with their owners, per tenant. */
@Route(value = "config/extensions", layout = MainLayout.class)
@PageTitle("ReachPBX – Extensions")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class ExtensionsView extends VerticalLayout {

    public ExtensionsView(TenantStore store, TenantEditor editor, CurrentUser current) {
        ConfigSupport support = new ConfigSupport(store, editor, current);
        ComboBox<TenantStore.TenantSummary> tenant = support.tenantPicker(getTranslation("config.tenant"));
        ListEditor extensions = new ListEditor("ext", "Extensions", Kinds.extensions(), support,
                () -> tenant.getValue().id(), this::getTranslation, List.of());
        ListEditor numbers = new ListEditor("num", "Numbers", List.of(Kinds.numbers()), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.col.kind", r -> ((PhoneNumber) r.item()).getKind()),
                        new ListEditor.Column("config.col.active", r -> ((PhoneNumber) r.item()).isActive()
                                ? getTranslation("config.yes") : getTranslation("config.no")))).nameHeader("config.field.owner");
        Runnable reload = () -> {
            if (tenant.getValue() != null) {
                extensions.reload();
                numbers.reload();
            }
        };
        tenant.addValueChangeListener(e -> reload.run());
        add(new H2(getTranslation("config.extensions.title")), tenant, extensions,
                new H3(getTranslation("config.numbers.title")), numbers);
        reload.run();
    }
}
