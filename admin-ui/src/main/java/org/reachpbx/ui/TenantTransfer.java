package org.reachpbx.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.ui.bulk.SheetRefused;
import org.reachpbx.ui.bulk.TenantSheets;
import org.reachpbx.ui.config.ConfigSupport;

/**
 * Export and bulk changes of the tenant selected in the tenants list (admins; issue 17): the
 * tenant's YAML document as a download (exactly what {@code GET /api/tenants/{id}/export} gives,
 * secrets as hashes), and its users and public numbers as CSV to download, change in a spreadsheet
 * and upload again. An upload is all-or-nothing: one bad row stores nothing and is named.
 */
@SuppressWarnings("deprecation") // StreamResource and MemoryBuffer: simpler to read than the 24.8 handler APIs
class TenantTransfer extends VerticalLayout {

    private final TenantStore store;
    private final ConfigSupport config;
    private final TenantSheets sheets;
    private final Runnable changed;
    private final Anchor yaml = new Anchor();
    private final Anchor usersCsv = new Anchor();
    private final Anchor numbersCsv = new Anchor();
    private final Span status = new Span();
    private final Div problems = new Div();
    private TenantStore.TenantSummary tenant;

    TenantTransfer(TenantStore store, ConfigSupport config, Runnable changed) {
        this.store = store;
        this.config = config;
        this.sheets = new TenantSheets(config::read, config::save);
        this.changed = changed;
        yaml.setId("tenant-export");
        yaml.setText(getTranslation("tenants.export.yaml"));
        usersCsv.setId("users-csv-export");
        usersCsv.setText(getTranslation("tenants.export.users"));
        numbersCsv.setId("numbers-csv-export");
        numbersCsv.setText(getTranslation("tenants.export.numbers"));
        for (Anchor a : new Anchor[] {yaml, usersCsv, numbersCsv}) {
            a.getElement().setAttribute("download", true);
        }
        FlexLayout downloads = new FlexLayout(yaml, usersCsv, numbersCsv);
        downloads.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        downloads.getStyle().set("gap", "var(--lumo-space-m)");
        FlexLayout uploads = new FlexLayout(upload("users-csv-import", TenantSheets.Sheet.USERS,
                getTranslation("tenants.import.users")),
                upload("numbers-csv-import", TenantSheets.Sheet.NUMBERS, getTranslation("tenants.import.numbers")));
        uploads.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        uploads.getStyle().set("gap", "var(--lumo-space-m)");
        status.setId("bulk-csv-status");
        problems.setId("bulk-csv-problems");
        setPadding(false);
        add(new Span(getTranslation("tenants.export.intro")), downloads, uploads, status, problems);
        show(null);
    }

    /** Points the downloads and uploads at this tenant (none: hidden). */
    void show(TenantStore.TenantSummary selected) {
        tenant = selected;
        setVisible(selected != null);
        status.setText("");
        problems.removeAll();
        if (selected == null) {
            return;
        }
        long id = selected.id();
        String file = selected.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        yaml.setHref(resource(file + ".yaml", "application/yaml",
                () -> store.exportYaml(id).orElse("")));
        usersCsv.setHref(resource(file + "-users.csv", "text/csv",
                () -> sheets.export(id, TenantSheets.Sheet.USERS)));
        numbersCsv.setHref(resource(file + "-numbers.csv", "text/csv",
                () -> sheets.export(id, TenantSheets.Sheet.NUMBERS)));
    }

    private static StreamResource resource(String name, String type, java.util.function.Supplier<String> text) {
        StreamResource r = new StreamResource(name,
                () -> new ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8)));
        r.setContentType(type + "; charset=UTF-8");
        return r;
    }

    private Upload upload(String id, TenantSheets.Sheet sheet, String label) {
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        org.reachpbx.ui.i18n.UiTexts.localize(upload, getLocale());
        upload.setId(id);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropLabel(new Span(label));
        upload.addSucceededListener(e -> {
            upload.clearFileList();
            try (InputStream in = buffer.getInputStream()) {
                store(sheet, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                refused(getTranslation("tenants.import.unreadable", ex.getMessage()));
            }
        });
        return upload;
    }

    private void store(TenantSheets.Sheet sheet, String csv) {
        problems.removeAll();
        if (tenant == null || !config.canEdit()) {
            refused(getTranslation("tenants.csv.notAllowed"));
            return;
        }
        try {
            String name = tenant.name();
            int rows = sheets.importCsv(tenant.id(), sheet, csv);
            changed.run(); // reloads the list, which selects the tenant again: the message comes after
            status.setText(getTranslation("tenants.csv.stored", String.valueOf(rows), name));
        } catch (SheetRefused e) {
            refused(getTranslation("tenants.csv.refused", String.valueOf(e.problems().size())));
            e.problems().forEach(p -> problems.add(new Div(p.row() > 0
                    ? getTranslation("tenants.csv.row", String.valueOf(p.row()), p.reason()) : p.reason())));
        }
    }

    private void refused(String text) {
        status.setText(text);
    }
}
