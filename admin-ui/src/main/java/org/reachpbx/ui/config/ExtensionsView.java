package org.reachpbx.ui.config;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.calls.LiveStatus;
import org.springframework.beans.factory.ObjectProvider;

/** Extensions of all 13 types and the public numbers with their owners, per tenant. */
@Route(value = "config/extensions", layout = MainLayout.class)
@PageTitle("ReachPBX – Extensions")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class ExtensionsView extends VerticalLayout {

    /** How often the users' registration/busy state is read again while the view is open. */
    static final int POLL_MILLIS = 5000;

    private final ObjectProvider<LiveStatus> live;
    private final ComboBox<TenantStore.TenantSummary> tenant;
    private final ListEditor extensions;
    /** The users' state now, read for the whole list at once (never per row). */
    private Map<String, LiveStatus.UserState> states = Map.of();
    private Registration polling;

    public ExtensionsView(TenantStore store, TenantEditor editor, CurrentUser current, ObjectProvider<LiveStatus> live) {
        this.live = live;
        ConfigSupport support = new ConfigSupport(store, editor, current);
        tenant = support.tenantPicker(getTranslation("config.tenant"));
        ComboBox<TenantStore.TenantSummary> tenant = this.tenant;
        extensions = new ListEditor("ext", "Extensions", Kinds.extensions(), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.col.state", this::stateOf)));
        ListEditor extensions = this.extensions;
        ListEditor numbers = new ListEditor("num", "Numbers", List.of(Kinds.numbers()), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.col.kind", r -> ((PhoneNumber) r.item()).getKind()),
                        new ListEditor.Column("config.col.active", r -> ((PhoneNumber) r.item()).isActive()
                                ? getTranslation("config.yes") : getTranslation("config.no")))).nameHeader("config.field.owner");
        Runnable reload = () -> {
            if (tenant.getValue() != null) {
                readStates();
                extensions.reload();
                numbers.reload();
            }
        };
        tenant.addValueChangeListener(e -> reload.run());
        add(new H2(getTranslation("config.extensions.title")), tenant, extensions,
                new H3(getTranslation("config.numbers.title")), numbers);
        reload.run();
    }

    /** The state column: empty for extensions that are not users. */
    private String stateOf(ListEditor.Row row) {
        if (!(row.item() instanceof UserExtension)) {
            return "";
        }
        return getTranslation("config.userState." + states.getOrDefault(row.key(), LiveStatus.UserState.OFFLINE));
    }

    private void readStates() {
        LiveStatus status = live.getIfAvailable();
        states = status == null || tenant.getValue() == null ? Map.of() : status.userStates(tenant.getValue().id());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            readStates();
            extensions.redraw();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
