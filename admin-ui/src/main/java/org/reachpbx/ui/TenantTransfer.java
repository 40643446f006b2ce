package org.reachpbx.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
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
    private final ProgressBar progress = new ProgressBar();
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
        progress.setId("bulk-csv-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        setPadding(false);
        add(new Span(getTranslation("tenants.export.intro")), downloads, uploads, progress, status, problems);
        show(null);
    }

    /** Points the downloads and uploads at this tenant (none: hidden). */
    void show(TenantStore.TenantSummary selected) {
        tenant = selected;
        setVisible(selected != null);
        if (progress.isVisible()) {
            return; // an import is running: its result shows when it ends
        }
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

    /**
     * Stores the sheet off the request thread (a sheet of a thousand users is validated as a whole
     * tenant, which takes seconds), with a progress bar while the page polls; still all or nothing.
     * The worker runs as the logged-in user (the security context goes along), because the save
     * checks the user's rights and names the user in the audit trail.
     */
    private void store(TenantSheets.Sheet sheet, String csv) {
        problems.removeAll();
        if (tenant == null || !config.canEdit()) {
            refused(getTranslation("tenants.csv.notAllowed"));
            return;
        }
        if (progress.isVisible()) {
            refused(getTranslation("tenants.csv.busy"));
            return;
        }
        UI ui = UI.getCurrent();
        long id = tenant.id();
        String name = tenant.name();
        progress.setVisible(true);
        status.setText(getTranslation("tenants.csv.running", name));
        ui.setPollInterval(300);
        java.util.concurrent.Executor asUser = new org.springframework.security.concurrent.DelegatingSecurityContextExecutor(
                java.util.concurrent.ForkJoinPool.commonPool(),
                org.springframework.security.core.context.SecurityContextHolder.getContext());
        CompletableFuture.supplyAsync(() -> sheets.importCsv(id, sheet, csv), asUser).whenComplete((rows, failure) ->
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                            ? c.getCause() : failure;
                    if (cause == null) {
                        changed.run(); // reloads the list, which selects the tenant again: the message comes after
                        status.setText(getTranslation("tenants.csv.stored", String.valueOf(rows), name));
                    } else if (cause instanceof SheetRefused e) {
                        refused(getTranslation("tenants.csv.refused", String.valueOf(e.problems().size())));
                        e.problems().forEach(p -> problems.add(new Div(p.row() > 0
                                ? getTranslation("tenants.csv.row", String.valueOf(p.row()), p.reason(getLocale())) : p.reason(getLocale()))));
                    } else {
                        refused(getTranslation("tenants.import.failed", String.valueOf(cause.getMessage())));
                    }
                }));
    }

    private void refused(String text) {
        status.setText(text);
    }
}
