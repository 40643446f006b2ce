package org.reachpbx.ui.sounds;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.SoundFile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.sound.SoundConverter;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.directory.sound.SoundInUseException;
import org.reachpbx.directory.sound.SoundNames;
import org.reachpbx.directory.sound.SoundProperties;
import org.reachpbx.directory.sound.SoundRejectedException;
import org.reachpbx.directory.sound.StoredSound;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.ui.ConfirmDelete;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.config.ConfigSupport;

/**
 * A tenant's sound files (docs/sounds.md) and its music-on-hold playlist (MOH-01): upload MP3/WAV
 * (converted to 8 kHz mono at once, refusals shown with their reason), listen in the browser,
 * delete a file no longer used; the playlist in order with a volume per file, saved through
 * {@link ConfigSupport#save} like every configuration edit (validated, audited). The upload screen
 * says that the customer is responsible for music rights (MOH-04). Platform and tenant admins
 * edit; an analyst sees and listens only.
 */
@Route(value = "sounds", layout = MainLayout.class)
@PageTitle("ReachPBX – Sounds")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
@SuppressWarnings("deprecation") // MemoryBuffer, StreamResource: simpler to read than the 24.8 handler APIs
public class SoundsView extends VerticalLayout {

    private final SoundFiles sounds;
    private final ConfigSupport support;
    private final CurrentUser current;
    private final boolean editable;
    private final ComboBox<TenantStore.TenantSummary> tenant;
    private final TextField name = new TextField();
    private final Span status = new Span();
    private final Grid<StoredSound> grid = new Grid<>();
    private final Div missing = new Div();
    private final Div player = new Div();
    private final Grid<SoundFile> playlist = new Grid<>();
    private final ComboBox<String> addFile = new ComboBox<>();
    private List<SoundFile> tracks = new ArrayList<>();
    private Map<String, StoredSound> uploaded = Map.of();

    public SoundsView(TenantStore store, TenantEditor editor, CurrentUser current, SoundFiles sounds,
                      SoundProperties limits) {
        this.sounds = sounds;
        this.current = current;
        this.support = new ConfigSupport(store, editor, current);
        this.editable = support.canEdit();
        this.tenant = support.tenantPicker(getTranslation("config.tenant"));
        tenant.addValueChangeListener(e -> reload());

        Paragraph rights = new Paragraph(getTranslation("sounds.rights"));
        rights.setId("sounds-rights");
        rights.getStyle().set("font-style", "italic");

        name.setId("sounds-name");
        name.setLabel(getTranslation("sounds.name"));
        name.setHelperText(getTranslation("sounds.nameHelp"));
        name.setWidth("22em");
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        org.reachpbx.ui.i18n.UiTexts.localize(upload, getLocale());
        upload.setId("sounds-upload");
        upload.setAcceptedFileTypes(".mp3", ".wav", "audio/mpeg", "audio/wav", "audio/x-wav");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxUploadSize().toBytes()));
        upload.setDropLabel(new Span(getTranslation("sounds.drop", SoundConverter.megabytes(limits.maxUploadSize().toBytes()),
                SoundConverterTexts.minutes(limits.maxDuration()))));
        upload.addSucceededListener(e -> {
            upload.clearFileList();
            try (InputStream in = buffer.getInputStream()) {
                stored(e.getFileName(), in.readAllBytes());
            } catch (IOException ex) {
                problem(ex.getMessage());
            }
        });
        upload.addFileRejectedListener(e -> problem(e.getErrorMessage()));
        status.setId("sounds-status");
        HorizontalLayout uploadBar = new HorizontalLayout(name, upload);
        uploadBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        uploadBar.setVisible(editable);

        grid.setId("sounds");
        grid.addColumn(StoredSound::getName).setHeader(getTranslation("sounds.col.name")).setAutoWidth(true);
        Grids.sortBy(grid.addColumn(s -> duration(s.getDurationMillis())).setHeader(getTranslation("sounds.col.duration"))
                .setAutoWidth(true), StoredSound::getDurationMillis);
        grid.addColumn(s -> s.getFormat().name()).setHeader(getTranslation("sounds.col.format")).setAutoWidth(true);
        grid.addColumn(s -> s.getOriginalFileName() == null ? "" : s.getOriginalFileName())
                .setHeader(getTranslation("sounds.col.original")).setAutoWidth(true);
        Grids.sortBy(grid.addColumn(s -> (s.getUploadSize() + 1023) / 1024 + " KB").setHeader(getTranslation("sounds.col.size"))
                .setAutoWidth(true), StoredSound::getUploadSize);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("sounds.col.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Grids.sortable(grid);
        missing.setId("sounds-missing");
        missing.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
        player.setId("sounds-player");

        add(new H2(getTranslation("sounds.title")), tenant, new Paragraph(getTranslation("sounds.intro")), rights,
                uploadBar, status, grid, player, missing, new H3(getTranslation("sounds.moh.title")),
                new Paragraph(getTranslation("sounds.moh.intro")), playlistEditor());
        reload();
    }

    private Component playlistEditor() {
        playlist.setId("moh-playlist");
        playlist.addColumn(f -> String.valueOf(tracks.indexOf(f) + 1)).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        playlist.addColumn(SoundFile::getFile).setHeader(getTranslation("sounds.col.name")).setAutoWidth(true);
        playlist.addColumn(f -> uploaded.containsKey(f.getFile()) ? duration(uploaded.get(f.getFile()).getDurationMillis())
                : getTranslation("sounds.notUploaded")).setHeader(getTranslation("sounds.col.duration")).setAutoWidth(true);
        playlist.addComponentColumn(f -> {
            int i = tracks.indexOf(f);
            IntegerField volume = new IntegerField();
            volume.setId("moh-volume-" + i);
            volume.setMin(0);
            volume.setMax(100);
            volume.setStepButtonsVisible(editable);
            volume.setWidth("8em");
            volume.setValue(f.getVolume());
            volume.setReadOnly(!editable);
            volume.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    f.setVolume(e.getValue());
                }
            });
            return volume;
        }).setHeader(getTranslation("sounds.moh.volume")).setAutoWidth(true);
        if (editable) {
            playlist.addComponentColumn(f -> {
                int i = tracks.indexOf(f);
                Button up = small("sounds.moh.up", "moh-up-" + i, () -> move(i, -1));
                up.setEnabled(i > 0);
                Button down = small("sounds.moh.down", "moh-down-" + i, () -> move(i, 1));
                down.setEnabled(i < tracks.size() - 1);
                Button remove = small("sounds.moh.remove", "moh-remove-" + i, () -> {
                    tracks.remove(i);
                    playlist.setItems(tracks);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
                return new HorizontalLayout(up, down, remove);
            }).setAutoWidth(true);
        }
        playlist.setAllRowsVisible(true);

        addFile.setId("moh-add-file");
        addFile.setPlaceholder(getTranslation("sounds.moh.choose"));
        addFile.setWidth("22em");
        Button add = new Button(getTranslation("sounds.moh.add"), e -> {
            if (addFile.getValue() != null) {
                SoundFile f = new SoundFile();
                f.setFile(addFile.getValue());
                tracks.add(f);
                playlist.setItems(tracks);
                addFile.clear();
            }
        });
        add.setId("moh-add");
        Button save = new Button(getTranslation("config.save"), e -> savePlaylist());
        save.setId("moh-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(addFile, add, save);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setVisible(editable);
        return new VerticalLayout(playlist, bar);
    }

    private Button small(String text, String id, Runnable action) {
        Button b = new Button(getTranslation(text), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void move(int i, int by) {
        int j = i + by;
        if (j >= 0 && j < tracks.size()) {
            java.util.Collections.swap(tracks, i, j);
            playlist.setItems(tracks);
        }
    }

    private long tenantId() {
        return tenant.getValue().id();
    }

    private void reload() {
        player.removeAll();
        if (tenant.getValue() == null) {
            return;
        }
        Tenant t = support.read(tenantId());
        tracks = new ArrayList<>();
        for (SoundFile f : t.getMusicOnHold()) {
            SoundFile copy = new SoundFile();
            copy.setFile(f.getFile());
            copy.setVolume(f.getVolume());
            tracks.add(copy);
        }
        refreshFiles();
    }

    /** The uploaded files, the names used but not uploaded, the playlist's choices. */
    private void refreshFiles() {
        List<StoredSound> list = sounds.list(tenantId());
        uploaded = list.stream().collect(Collectors.toMap(StoredSound::getName, s -> s));
        grid.setItems(list);
        addFile.setItems(list.stream().map(StoredSound::getName).toList());
        playlist.setItems(tracks);
        missing.removeAll();
        Map<String, List<String>> absent = sounds.missing(tenantId());
        if (!absent.isEmpty()) {
            missing.add(new Paragraph(getTranslation("sounds.missing")));
            absent.forEach((n, uses) -> missing.add(new Div(new Span(n + " \u2190 " + String.join(", ", uses)))));
        }
    }

    private void stored(String fileName, byte[] bytes) {
        if (!editable || !current.user().seesTenant(tenantId())) {
            return;
        }
        String as = name.getValue().isBlank() ? SoundNames.fromFileName(fileName) : name.getValue().trim();
        try {
            SoundFiles.Stored s = sounds.store(tenantId(), as, fileName, bytes);
            StoredSound sound = s.sound();
            current.audit(tenantId(), "Sounds: upload", (s.replaced() ? "replaced " : "added ") + as + ": "
                    + sound.getFormat() + ", " + sound.getDurationMillis() / 1000.0 + " s, from " + fileName);
            status.setText(getTranslation(s.replaced() ? "sounds.replaced" : "sounds.stored", as,
                    duration(sound.getDurationMillis())));
            status.getStyle().remove("color");
            name.clear();
            refreshFiles();
        } catch (SoundRejectedException e) {
            problem(getTranslation("sounds.refused", fileName, e.getMessage()));
        }
    }

    private void problem(String text) {
        status.setText(text);
        status.getStyle().set("color", "var(--lumo-error-text-color)");
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private Component actions(StoredSound s) {
        String key = s.getName().replaceAll("[^A-Za-z0-9_-]", "_");
        Button play = new Button(getTranslation("sounds.play"), e -> play(s));
        play.setId("sounds-play-" + key);
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout line = new HorizontalLayout(play);
        if (editable) {
            Button delete = new Button(getTranslation("config.delete"), e -> ConfirmDelete.open(
                    getTranslation("config.confirmDelete.title"), getTranslation("config.confirmDelete.text", s.getName()),
                    getTranslation("config.delete"), getTranslation("config.cancel"), () -> delete(s)));
            delete.setId("sounds-delete-" + key);
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            line.add(delete);
        }
        line.setAlignItems(Alignment.CENTER);
        return line;
    }

    private void delete(StoredSound s) {
        try {
            sounds.delete(s.getTenantId(), s.getName());
            current.audit(s.getTenantId(), "Sounds: delete", "deleted " + s.getName());
            ConfigSupport.saved(getTranslation("sounds.deleted", s.getName()));
            player.removeAll();
            refreshFiles();
        } catch (SoundInUseException e) {
            problem(getTranslation("sounds.inUse", s.getName(), String.join(", ", e.getReferences())));
        }
    }

    private void play(StoredSound s) {
        player.removeAll();
        long t = s.getTenantId();
        String n = s.getName();
        StreamResource r = new StreamResource(n.substring(n.lastIndexOf('/') + 1).replaceAll("\\.(mp3|wav)$", "") + ".wav",
                () -> new ByteArrayInputStream(sounds.find(t, n).orElse(new byte[0])));
        r.setContentType("audio/wav");
        Element audio = new Element("audio");
        audio.setAttribute("id", "sounds-audio");
        audio.setAttribute("controls", true);
        audio.setAttribute("autoplay", true);
        audio.setAttribute("src", r);
        player.add(new Span(getTranslation("sounds.playing", n)));
        player.getElement().appendChild(audio);
    }

    private void savePlaylist() {
        List<SoundFile> rows = new ArrayList<>(tracks);
        String detail = rows.size() + " file(s): " + rows.stream().map(f -> f.getFile() + " (" + f.getVolume() + ")")
                .collect(Collectors.joining(", "));
        List<Violation> violations = support.save(tenantId(), t -> t.setMusicOnHold(new ArrayList<>(rows)),
                "Music on hold: update playlist", detail);
        if (violations.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.saved"));
            reload();
        } else {
            ConfigSupport.refused(getTranslation("config.refused"), violations);
        }
    }

    /** m:ss, rounded to the second. */
    static String duration(long millis) {
        long s = (millis + 500) / 1000;
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
