package org.reachpbx.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.i18n.ViolationMessages;

/**
 * Import of a tenant's YAML document from the browser: all-or-nothing like {@code POST
 * /api/tenants}. A large tenant takes seconds, so it runs off the request thread with a progress
 * bar, and the page polls until it is done. A tenant admin may only replace the own tenant.
 */
@SuppressWarnings("deprecation") // MemoryBuffer: simpler to read than the UploadHandler API of 24.8
class TenantImport extends VerticalLayout {

    private final TenantStore store;
    private final TenantYaml yaml;
    private final CurrentUser current;
    private final Runnable imported;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div problems = new Div();

    TenantImport(TenantStore store, TenantYaml yaml, CurrentUser current, Runnable imported) {
        this.store = store;
        this.yaml = yaml;
        this.current = current;
        this.imported = imported;
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        org.reachpbx.ui.i18n.UiTexts.localize(upload, getLocale());
        upload.setId("tenant-import");
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        upload.setDropLabel(new Span(getTranslation("tenants.import.drop")));
        upload.addSucceededListener(e -> {
            upload.clearFileList();
            try (InputStream in = buffer.getInputStream()) {
                start(in.readAllBytes(), e.getFileName());
            } catch (IOException ex) {
                show(getTranslation("tenants.import.unreadable", ex.getMessage()), List.of());
            }
        });
        progress.setId("tenant-import-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.setId("tenant-import-status");
        problems.setId("tenant-import-problems");
        setPadding(false);
        add(upload, progress, status, problems);
    }

    private void start(byte[] document, String file) {
        UI ui = UI.getCurrent();
        PbxUser user = current.user();
        progress.setVisible(true);
        status.setText(getTranslation("tenants.import.running", file));
        problems.removeAll();
        ui.setPollInterval(300);
        CompletableFuture.supplyAsync(() -> importDocument(document, user)).whenComplete((result, failure) ->
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    if (failure != null) {
                        show(getTranslation("tenants.import.failed", failure.getMessage()), List.of());
                    } else {
                        result.accept(this);
                    }
                }));
    }

    /** Runs on a worker thread; returns what to show on the UI thread. */
    private Consumer<TenantImport> importDocument(byte[] document, PbxUser user) {
        try {
            Tenant tenant = yaml.read(document);
            if (user.role().tenantBound() && !ownTenant(tenant.getName(), user)) {
                return view -> view.show(getTranslation("tenants.import.notOwn", tenant.getName()), List.of());
            }
            TenantStore.Saved saved = store.save(tenant);
            current.audit(user, saved.id(), "Tenants: import", (saved.replaced() ? "replaced " : "created ") + saved.name());
            return view -> {
                view.show(getTranslation(saved.replaced() ? "tenants.import.replaced" : "tenants.import.created",
                        saved.name()), List.of());
                imported.run();
            };
        } catch (MalformedDocumentException e) {
            return view -> view.show(getTranslation("tenants.import.malformed", e.getMessage()), List.of());
        } catch (InvalidConfigurationException e) {
            List<Violation> violations = e.getViolations();
            return view -> view.show(getTranslation("tenants.import.invalid", violations.size()), violations);
        }
    }

    private boolean ownTenant(String name, PbxUser user) {
        return store.list().stream().anyMatch(t -> t.id() == user.tenantId() && t.name().equals(name));
    }

    private void show(String text, List<Violation> violations) {
        status.setText(text);
        problems.removeAll();
        ViolationMessages.in(violations, getLocale()).forEach(v -> problems.add(new Div(v.path() + ": " + v.message())));
    }
}
