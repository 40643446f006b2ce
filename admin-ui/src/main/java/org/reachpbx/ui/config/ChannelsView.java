package org.reachpbx.ui.config;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.reachpbx.integrations.mwi.RegistrationDirectory.ChannelRegistration;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.springframework.beans.factory.ObjectProvider;

/** Channels (CH-01) with their settings, and the live registrations of the selected channel. */
@Route(value = "config/channels", layout = MainLayout.class)
@PageTitle("ReachPBX – Channels")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class ChannelsView extends VerticalLayout {

    public ChannelsView(TenantStore store, TenantEditor editor, CurrentUser current,
                        ObjectProvider<RegistrationDirectory> registrations) {
        ConfigSupport support = new ConfigSupport(store, editor, current);
        ComboBox<TenantStore.TenantSummary> tenant = support.tenantPicker(getTranslation("config.tenant"));
        ListEditor channels = new ListEditor("ch", "Channels", List.of(Kinds.channels()), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.field.dtmfMode", r -> ((Channel) r.item()).getDtmfMode()),
                        new ListEditor.Column("config.field.callLimit", r -> ((Channel) r.item()).getCallLimit()),
                        new ListEditor.Column("config.field.areaCode", r -> ((Channel) r.item()).getAreaCode())))
                .nameHeader("config.field.coupledUser");
        Grid<ChannelRegistration> live = new Grid<>();
        live.setId("ch-registrations");
        live.addColumn(ChannelRegistration::contact).setHeader(getTranslation("config.ch.contact")).setFlexGrow(1);
        live.addColumn(r -> r.sourceAddress() + ":" + r.sourcePort()).setHeader(getTranslation("config.ch.source")).setAutoWidth(true);
        live.addColumn(ChannelRegistration::userAgent).setHeader(getTranslation("config.ch.userAgent")).setAutoWidth(true);
        live.addColumn(r -> String.valueOf(r.expires())).setHeader(getTranslation("config.ch.expires")).setAutoWidth(true);
        live.setAllRowsVisible(true);
        Span state = new Span(getTranslation("config.ch.select"));
        state.setId("ch-state");
        channels.onSelect(row -> {
            if (row == null) {
                live.setItems(List.of());
                state.setText(getTranslation("config.ch.select"));
                return;
            }
            RegistrationDirectory directory = registrations.getIfAvailable();
            List<ChannelRegistration> list = directory == null ? List.of()
                    : directory.registrationsOf(tenant.getValue().id(), row.key());
            live.setItems(list);
            state.setText(directory == null ? getTranslation("config.ch.noRegistrar")
                    : list.isEmpty() ? getTranslation("config.ch.notRegistered", row.key())
                    : getTranslation("config.ch.registered", row.key(), list.size()));
        });
        tenant.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                channels.reload();
            }
        });
        add(new H2(getTranslation("config.ch.title")), tenant, channels,
                new H3(getTranslation("config.ch.live")), state, live);
        if (tenant.getValue() != null) {
            channels.reload();
        }
    }
}
