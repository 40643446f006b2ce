package org.reachpbx.ui.recordings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.store.TenantStore.TenantSummary;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.ui.ConfirmDelete;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.Times;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.UiTexts;
import org.reachpbx.ui.recordings.RecordingLibrary.Filter;
import org.reachpbx.ui.recordings.RecordingLibrary.Viewer;

/**
 * Call recordings (REC-03, REC-04): the list opens on today, with filters on start and end date,
 * caller, destination and user extension; each recording plays in the browser and downloads as a
 * WAV, the shown list as a ZIP. The account view (platform admin, tenant admin, "call recordings
 * (account)") also deletes; "call recordings (end user)" sees only the own extension's recordings
 * and deletes nothing. Who sees what is {@link RecordingLibrary}'s decision; this view only hides
 * what the viewer cannot use.
 */
@Route(value = "recordings", layout = MainLayout.class)
@PageTitle("ReachPBX – Call recordings")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.RECORDINGS_ACCOUNT, Roles.RECORDINGS_END_USER})
@SuppressWarnings("deprecation") // StreamResource, as in the voicemail view
public class RecordingsView extends VerticalLayout {

    private final RecordingLibrary library;
    private final TenantViewCache views;
    private final CurrentUser current;
    private final PbxUser me;
    private final ComboBox<TenantSummary> tenant = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField caller = new TextField();
    private final TextField destination = new TextField();
    private final TextField user = new TextField();
    private final Grid<CallRecording> grid = new Grid<>();
    private final Anchor zip = new Anchor();
    private final Div player = new Div();
    private Viewer viewer;
    private ZoneId zone = Times.UTC;

    public RecordingsView(TenantStore tenants, TenantViewCache views, RecordingLibrary library, CurrentUser current,
                          Clock clock) {
        this.library = library;
        this.views = views;
        this.current = current;
        this.me = current.user();
        tenant.setId("rec-tenant");
        tenant.setLabel(getTranslation("rec.tenant"));
        tenant.setItemLabelGenerator(TenantSummary::name);
        List<TenantSummary> visible = tenants.list().stream().filter(t -> me.seesTenant(t.id()))
                .sorted(Comparator.comparing(TenantSummary::name)).toList();
        tenant.setItems(visible);
        tenant.setVisible(me.tenantId() == null);
        from.setId("rec-from");
        from.setLabel(getTranslation("rec.from"));
        to.setId("rec-to");
        to.setLabel(getTranslation("rec.to"));
        UiTexts.localize(from, getLocale());
        UiTexts.localize(to, getLocale());
        field(caller, "rec-caller", "rec.caller");
        field(destination, "rec-destination", "rec.destination");
        field(user, "rec-user", "rec.user");

        grid.setId("rec-list");
        grid.addColumn(r -> Times.format(r.getStartedAt(), zone)).setHeader(getTranslation("rec.started")).setAutoWidth(true);
        grid.addColumn(r -> r.getCaller() == null ? getTranslation("rec.anonymous") : r.getCaller())
                .setHeader(getTranslation("rec.caller")).setAutoWidth(true);
        grid.addColumn(CallRecording::getDestination).setHeader(getTranslation("rec.destination")).setAutoWidth(true);
        grid.addColumn(CallRecording::getUserExtension).setHeader(getTranslation("rec.user")).setAutoWidth(true);
        grid.addColumn(r -> (r.getDurationMillis() + 500) / 1000 + " s").setHeader(getTranslation("rec.duration"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("rec.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        zip.setId("rec-zip");
        zip.setText(getTranslation("rec.zip"));
        zip.getElement().setAttribute("download", true);
        player.setId("rec-player");

        tenant.addValueChangeListener(e -> tenantChosen(clock));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        add(new H2(getTranslation("rec.title")), new Paragraph(getTranslation("rec.intro")),
                new HorizontalLayout(tenant, from, to), new HorizontalLayout(caller, destination, user), zip, grid,
                player);
        visible.stream().filter(t -> me.tenantId() == null || t.id() == me.tenantId()).findFirst()
                .ifPresent(tenant::setValue);
    }

    private void field(TextField f, String id, String label) {
        f.setId(id);
        f.setLabel(getTranslation(label));
        f.setClearButtonVisible(true);
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.addValueChangeListener(e -> refresh());
    }

    /** A tenant chosen: its viewer (REC-03 or REC-04), its zone, and the list on today there. */
    private void tenantChosen(Clock clock) {
        if (tenant.getValue() == null) {
            viewer = null;
            grid.setItems(List.of());
            return;
        }
        viewer = Viewer.of(me, tenant.getValue().id());
        zone = Times.zoneOf(viewer.tenantId(), views);
        user.setVisible(viewer.account()); // an end user's list is the own extension's anyway
        LocalDate today = LocalDate.now(clock.withZone(zone));
        from.setValue(today);
        to.setValue(today);
        refresh();
    }

    private Filter filter() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        return new Filter(first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
                caller.getValue(), destination.getValue(), viewer.account() ? user.getValue() : null);
    }

    private void refresh() {
        player.removeAll();
        if (viewer == null) {
            return;
        }
        Viewer v = viewer;
        Filter f = filter();
        grid.setItems(library.list(v, f));
        StreamResource all = new StreamResource("recordings.zip", (out, session) -> library.zip(v, f, out));
        all.setContentType("application/zip");
        zip.setHref(all);
    }

    private Component actions(CallRecording r) {
        Button play = new Button(getTranslation("rec.play"), e -> play(r));
        play.setId("rec-play-" + r.getId());
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Anchor download = new Anchor(resource(r), getTranslation("rec.download"));
        download.setId("rec-download-" + r.getId());
        download.getElement().setAttribute("download", true);
        HorizontalLayout line = new HorizontalLayout(play, download);
        if (viewer.account()) { // REC-04: the end-user role cannot delete
            Button delete = new Button(getTranslation("rec.delete"), e -> ConfirmDelete.open(
                    getTranslation("rec.delete.title"), getTranslation("rec.delete.text", RecordingLibrary.fileName(r)),
                    getTranslation("rec.delete"), getTranslation("rec.cancel"), () -> delete(r)));
            delete.setId("rec-delete-" + r.getId());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            line.add(delete);
        }
        line.setAlignItems(Alignment.CENTER);
        return line;
    }

    private void delete(CallRecording r) {
        library.delete(viewer, r);
        current.audit(r.getTenantId(), "Call recordings: delete", "recording " + r.getId() + " (" + r.getCallId() + ")");
        refresh();
    }

    private void play(CallRecording r) {
        player.removeAll();
        Element audio = new Element("audio");
        audio.setAttribute("id", "rec-audio");
        audio.setAttribute("controls", true);
        audio.setAttribute("autoplay", true);
        audio.setAttribute("src", resource(r));
        player.add(new Span(getTranslation("rec.playing", RecordingLibrary.fileName(r))));
        player.getElement().appendChild(audio);
    }

    private StreamResource resource(CallRecording r) {
        java.nio.file.Path file = library.file(r);
        StreamResource res = new StreamResource(RecordingLibrary.fileName(r), () -> {
            try {
                return new FileInputStream(file.toFile());
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        });
        res.setContentType("audio/wav");
        return res;
    }
}
