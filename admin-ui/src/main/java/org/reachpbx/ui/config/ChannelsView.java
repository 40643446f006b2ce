package org.reachpbx.ui.config;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.reachpbx.integrations.mwi.RegistrationDirectory.ChannelRegistration;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Channels (CH-01) with their settings and their registration state (a column of the list), and
 * the live registrations of the selected channel. While the view is open the browser polls every
 * {@link #POLL_MILLIS} ms and both are read again from {@link RegistrationDirectory}.
 */
@Route(value = "config/channels", layout = MainLayout.class)
@PageTitle("ReachPBX – Channels")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class ChannelsView extends VerticalLayout {

    /** How often an open channel list reads the registrations again. */
    static final int POLL_MILLIS = 2000;

    private final ObjectProvider<RegistrationDirectory> registrations;
    private final ComboBox<TenantStore.TenantSummary> tenant;
    private final ListEditor channels;
    private final Grid<ChannelRegistration> live = new Grid<>();
    private final Span state = new Span();
    private ListEditor.Row selected;
    private Registration polling;
    private final org.reachpbx.directory.view.TenantViewCache views;

    public ChannelsView(TenantStore store, TenantEditor editor, CurrentUser current,
                        ObjectProvider<RegistrationDirectory> registrations,
                        org.reachpbx.directory.view.TenantViewCache views) {
        this.registrations = registrations;
        this.views = views;
        ConfigSupport support = new ConfigSupport(store, editor, current);
        tenant = support.tenantPicker(getTranslation("config.tenant"));
        channels = new ListEditor("ch", "Channels", List.of(Kinds.channels()), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.field.dtmfMode", r -> ((Channel) r.item()).getDtmfMode()),
                        new ListEditor.Column("config.field.callLimit", r -> ((Channel) r.item()).getCallLimit()),
                        new ListEditor.Column("config.field.areaCode", r -> ((Channel) r.item()).getAreaCode()),
                        new ListEditor.Column("config.ch.col.registration", r -> registration(r.key()))))
                .nameHeader("config.field.coupledUser");
        live.setId("ch-registrations");
        live.addColumn(ChannelRegistration::contact).setHeader(getTranslation("config.ch.contact")).setFlexGrow(1);
        live.addColumn(r -> r.sourceAddress() + ":" + r.sourcePort()).setHeader(getTranslation("config.ch.source")).setAutoWidth(true);
        live.addColumn(ChannelRegistration::userAgent).setHeader(getTranslation("config.ch.userAgent")).setAutoWidth(true);
        Grids.sortBy(live.addColumn(r -> when(r.expires())).setHeader(getTranslation("config.ch.expires"))
                .setAutoWidth(true), ChannelRegistration::expires);
        Grids.sortable(live);
        live.setAllRowsVisible(true);
        state.setId("ch-state");
        channels.onSelect(row -> {
            selected = row;
            showLive();
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
        showLive();
    }

    private List<ChannelRegistration> registrationsOf(String channel) {
        RegistrationDirectory directory = registrations.getIfAvailable();
        return directory == null || tenant.getValue() == null ? List.of()
                : directory.registrationsOf(tenant.getValue().id(), channel);
    }

    /** In the tenant's zone, named (issue 17, defect 7). */
    private String when(java.time.Instant at) {
        return org.reachpbx.ui.Times.format(at,
                org.reachpbx.ui.Times.zoneOf(tenant.getValue() == null ? null : tenant.getValue().id(), views));
    }

    /** The list's registration column: registered with how many contacts and the soonest expiry, or not. */
    private String registration(String channel) {
        if (registrations.getIfAvailable() == null) {
            return getTranslation("config.ch.col.noRegistrar");
        }
        List<ChannelRegistration> list = registrationsOf(channel);
        return list.isEmpty() ? getTranslation("config.ch.col.notRegistered")
                : getTranslation("config.ch.col.registered", list.size(), when(list.get(0).expires()));
    }

    /** The selected channel's registrations below the list. */
    private void showLive() {
        if (selected == null) {
            live.setItems(List.of());
            state.setText(getTranslation("config.ch.select"));
            return;
        }
        List<ChannelRegistration> list = registrationsOf(selected.key());
        live.setItems(list);
        state.setText(registrations.getIfAvailable() == null ? getTranslation("config.ch.noRegistrar")
                : list.isEmpty() ? getTranslation("config.ch.notRegistered", selected.key())
                : getTranslation("config.ch.registered", selected.key(), list.size()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            channels.redraw();
            showLive();
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
