package org.reachpbx.ui.voicemail;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.store.TenantStore.TenantSummary;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;

/**
 * Voicemail messages per box (a user's personal mailbox or a voicemail extension), through the
 * integrations' {@link VoicemailMessages}: list, play in the browser, download, delete. An END_USER
 * sees only the own mailbox. Playing a new message marks it old (as the phone menu does).
 */
@Route(value = "voicemail", layout = MainLayout.class)
@PageTitle("ReachPBX – Voicemail")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.END_USER})
@SuppressWarnings("deprecation") // StreamResource: the DownloadHandler API is new in 24.8; this one is simpler to read
public class VoicemailView extends VerticalLayout {

    /** A box: its extension number and name. */
    record BoxItem(String number, String name) {
    }


    private final VoicemailMessages messages;
    private final TenantEditor editor;
    private final CurrentUser current;
    private final PbxUser me;
    private final ComboBox<TenantSummary> tenant = new ComboBox<>();
    private final ComboBox<BoxItem> box = new ComboBox<>();
    private final Grid<VoicemailMessage> grid = new Grid<>();
    private final Div player = new Div();
    /** Narrows the messages to those whose caller, state or time contain the text. */
    private final Grids.Filter<VoicemailMessage> filter;
    private ZoneId zone = ZoneId.of("Europe/Amsterdam");

    public VoicemailView(TenantStore store, TenantEditor editor, VoicemailMessages messages, CurrentUser current) {
        this.messages = messages;
        this.editor = editor;
        this.current = current;
        this.me = current.user();
        tenant.setId("vm-tenant");
        tenant.setLabel(getTranslation("reach.tenant"));
        tenant.setItemLabelGenerator(TenantSummary::name);
        List<TenantSummary> tenants = store.list().stream().filter(t -> me.seesTenant(t.id())).toList();
        tenant.setItems(tenants);
        tenant.setVisible(me.role() == UiRole.PLATFORM_ADMIN);
        tenant.addValueChangeListener(e -> loadBoxes());
        box.setId("vm-box");
        box.setLabel(getTranslation("vm.box"));
        box.setItemLabelGenerator(b -> b.number() + " " + b.name());
        box.setWidth("22em");
        box.setVisible(me.role() != UiRole.END_USER);
        box.addValueChangeListener(e -> refresh());

        grid.setId("vm-messages");
        Grids.sortBy(grid.addColumn(m -> org.reachpbx.ui.Times.format(m.getReceivedAt(), zone)).setHeader(getTranslation("vm.received"))
                .setAutoWidth(true), VoicemailMessage::getReceivedAt);
        grid.addColumn(m -> (m.getCallerNumber() == null ? getTranslation("vm.anonymous") : m.getCallerNumber())
                + (m.getCallerName() == null ? "" : " (" + m.getCallerName() + ")"))
                .setHeader(getTranslation("vm.caller")).setAutoWidth(true);
        Grids.sortBy(grid.addColumn(m -> (m.getDurationMillis() + 500) / 1000 + " s").setHeader(getTranslation("vm.duration"))
                .setAutoWidth(true), VoicemailMessage::getDurationMillis);
        grid.addColumn(m -> getTranslation("vm.state." + m.getState().name())).setHeader(getTranslation("vm.state"))
                .setAutoWidth(true);
        // frozen at the grid's right edge: on a phone (390 px) Play / Download / Delete stay on the
        // screen while the other columns scroll under them (issue 17, defect 1)
        grid.addComponentColumn(this::actions).setHeader(getTranslation("vm.actions")).setAutoWidth(true)
                .setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        Grids.sortable(grid);
        filter = Grids.filter("vm-filter", getTranslation("config.filter"), grid, m -> java.util.stream.Stream.of(
                m.getCallerNumber(), m.getCallerName(), getTranslation("vm.state." + m.getState().name()),
                org.reachpbx.ui.Times.format(m.getReceivedAt(), zone)));
        player.setId("vm-player");

        add(new H2(getTranslation(me.role() == UiRole.END_USER ? "vm.title.own" : "vm.title")),
                new Paragraph(getTranslation("vm.intro")), new HorizontalLayout(tenant, box), filter, grid, player);
        tenants.stream().filter(t -> me.tenantId() == null || t.id() == me.tenantId()).findFirst()
                .ifPresent(tenant::setValue);
    }

    private void loadBoxes() {
        if (tenant.getValue() == null) {
            box.setItems(List.of());
            return;
        }
        Tenant t = editor.draft(tenant.getValue().id()).orElseThrow();
        zone = org.reachpbx.ui.Times.zone(t.getTimeZone());
        List<Extension> all = new ArrayList<>(t.getUsers());
        if (me.role() != UiRole.END_USER) {
            all.addAll(t.getVoicemails());
        }
        List<BoxItem> boxes = all.stream()
                .filter(e -> me.role() != UiRole.END_USER || e.getNumber().equals(me.extension()))
                .map(e -> new BoxItem(e.getNumber(), e.getName()))
                .sorted(Comparator.comparing(BoxItem::number)).toList();
        box.setItems(boxes);
        boxes.stream().findFirst().ifPresent(box::setValue);
    }

    private void refresh() {
        player.removeAll();
        filter.setItems(box.getValue() == null ? List.of()
                : messages.list(tenant.getValue().id(), box.getValue().number(), null));
    }

    private Component actions(VoicemailMessage m) {
        Button play = new Button(getTranslation("vm.play"), e -> play(m));
        play.setId("vm-play-" + m.getId());
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Anchor download = new Anchor(resource(m), getTranslation("vm.download"));
        download.setId("vm-download-" + m.getId());
        download.getElement().setAttribute("download", true);
        Button delete = new Button(getTranslation("vm.delete"), e -> {
            messages.delete(m.getTenantId(), m.getBox(), m.getId());
            current.audit(m.getTenantId(), "Voicemail: delete", "box " + m.getBox() + ", message " + m.getId());
            refresh();
        });
        delete.setId("vm-delete-" + m.getId());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        HorizontalLayout line = new HorizontalLayout(play, download, delete);
        line.setAlignItems(Alignment.CENTER);
        return line;
    }

    private void play(VoicemailMessage m) {
        player.removeAll();
        Element audio = new Element("audio");
        audio.setAttribute("id", "vm-audio");
        audio.setAttribute("controls", true);
        audio.setAttribute("autoplay", true);
        audio.setAttribute("src", resource(m));
        player.add(new Span(getTranslation("vm.playing", String.valueOf(m.getId()))));
        player.getElement().appendChild(audio);
        messages.markOld(m.getTenantId(), m.getBox(), m.getId());
        filter.setItems(messages.list(tenant.getValue().id(), box.getValue().number(), null));
    }

    private StreamResource resource(VoicemailMessage m) {
        long tenantId = m.getTenantId();
        String b = m.getBox();
        long id = m.getId();
        StreamResource r = new StreamResource("voicemail-" + id + ".wav",
                () -> new ByteArrayInputStream(messages.audio(tenantId, b, id)));
        r.setContentType("audio/wav");
        return r;
    }
}
