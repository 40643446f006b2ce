package org.reachpbx.ui.tables;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableStateException;
import org.reachpbx.rules.tables.TableValidationException;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.rules.tables.TableViolation;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;

/**
 * The analyst tables (docs/analyst-tables.md): their versions, the rows of each table, uploading a
 * CSV as a new draft, validating, publishing and rolling back. Every change is audited.
 */
@Route(value = "rule-tables", layout = MainLayout.class)
@PageTitle("ReachPBX – Rule tables")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ANALYST})
@SuppressWarnings("deprecation") // MemoryBuffer: the UploadHandler API is new in 24.8; this one is simpler to read
public class RuleTablesView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TableRegistry registry;
    private final CurrentUser current;
    private final Grid<TableVersion> versions = new Grid<>();
    private final ComboBox<TableName> table = new ComboBox<>("Table");
    private final Grid<List<String>> rows = new Grid<>();
    private final Grid<TableViolation> violations = new Grid<>();
    private final Span status = new Span();

    public RuleTablesView(TableRegistry registry, CurrentUser current) {
        this.registry = registry;
        this.current = current;
        versions.setId("versions");
        versions.addColumn(TableVersion::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(TableVersion::state).setHeader("State").setAutoWidth(true);
        versions.addColumn(v -> v.version() == registry.activeVersion() ? "active" : "").setHeader("Active")
                .setAutoWidth(true);
        versions.addColumn(TableVersion::author).setHeader("Author").setAutoWidth(true);
        versions.addColumn(v -> when(v.created())).setHeader("Created / changed").setAutoWidth(true);
        versions.addColumn(v -> when(v.publishedAt())).setHeader("Published").setAutoWidth(true);
        versions.addColumn(TableVersion::publishedBy).setHeader("Published by").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.addSelectionListener(e -> showRows());

        table.setId("table");
        table.setItems(TableName.values());
        table.setItemLabelGenerator(TableName::id);
        table.setValue(TableName.DEFAULT_TIMEOUTS);
        table.addValueChangeListener(e -> showRows());
        rows.setId("rows");
        rows.setAllRowsVisible(true);

        violations.setId("violations");
        violations.addColumn(TableViolation::table).setHeader("Table").setAutoWidth(true);
        violations.addColumn(v -> v.row() == null ? "" : v.row().toString()).setHeader("Row").setAutoWidth(true);
        violations.addColumn(TableViolation::column).setHeader("Column").setAutoWidth(true);
        violations.addColumn(TableViolation::message).setHeader("Problem").setFlexGrow(1);
        violations.setAllRowsVisible(true);
        violations.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        violations.setVisible(false);
        status.setId("table-status");

        Button validate = button("Validate", "validate", this::validate);
        Button publish = button("Publish draft", "publish", this::publish);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button rollback = button("Roll back to the previous version", "rollback", this::rollback);
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(validate, publish, rollback);

        add(new H2("Rule tables"),
                new Paragraph("The analyst tables all tenants share. Upload a CSV to make a new draft from the active"
                        + " version, check it, then publish it; new calls use it at once. Select a version to see"
                        + " its rows."),
                versions, actions, status, violations, upload(), new H3("Rows"), table, rows);
        refresh(null);
    }

    private Upload upload() {
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropLabel(new Span("Upload a table as a new draft (the file name names the table, e.g. "
                + "default-timeouts.csv; otherwise the table chosen below)"));
        upload.addSucceededListener(e -> {
            TableName name = TableName.find(e.getFileName()).orElse(table.getValue());
            upload.clearFileList();
            try {
                String csv = new String(buffer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                TableVersion draft = registry.uploadDraft(name, csv, user());
                current.audit(null, "Rule tables: upload draft",
                        "version " + draft.version() + ", table " + name.id() + " (" + e.getFileName() + ")");
                table.setValue(name);
                refresh(draft.version());
                showViolations(registry.validate(draft.version()), "Draft " + draft.version() + " created.");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (TableValidationException ex) {
                showViolations(ex.getViolations(), "The file was not stored.");
            }
        });
        return upload;
    }

    private void validate() {
        selected().ifPresent(v -> showViolations(registry.validate(v.version()), "Version " + v.version() + ":"));
    }

    private void publish() {
        selected().ifPresent(v -> {
            try {
                TableVersion published = registry.publish(v.version(), user());
                current.audit(null, "Rule tables: publish", "version " + published.version());
                refresh(published.version());
                showViolations(List.of(), "Version " + published.version() + " is published and active.");
            } catch (TableValidationException e) {
                showViolations(e.getViolations(), "Version " + v.version() + " cannot be published.");
            } catch (TableStateException e) {
                error(e.getMessage());
            }
        });
    }

    private void rollback() {
        try {
            int from = registry.activeVersion();
            TableVersion active = registry.rollback(user());
            current.audit(null, "Rule tables: roll back", "from version " + from + " to version " + active.version());
            refresh(active.version());
            showViolations(List.of(), "Rolled back from version " + from + " to version " + active.version() + ".");
        } catch (TableStateException | TableValidationException e) {
            error(e.getMessage());
        }
    }

    private void refresh(Integer select) {
        List<TableVersion> all = registry.list().stream()
                .sorted(Comparator.comparingInt(TableVersion::version).reversed()).toList();
        versions.setItems(all);
        int wanted = select == null ? registry.activeVersion() : select;
        all.stream().filter(v -> v.version() == wanted).findFirst().ifPresent(versions::select);
    }

    private void showRows() {
        rows.removeAllColumns();
        TableName name = table.getValue();
        String text = versions.getSelectedItems().stream().findFirst().flatMap(v -> v.tables().text(name)).orElse("");
        List<List<String>> parsed = CsvRows.parse(text);
        if (parsed.isEmpty()) {
            rows.setItems(List.of());
            return;
        }
        List<String> header = parsed.get(0);
        IntStream.range(0, header.size()).forEach(i ->
                rows.addColumn(r -> i < r.size() ? r.get(i) : "").setHeader(header.get(i)).setAutoWidth(true));
        rows.setItems(parsed.subList(1, parsed.size()));
    }

    private void showViolations(List<TableViolation> found, String prefix) {
        violations.setItems(found);
        violations.setVisible(!found.isEmpty());
        status.setText(prefix + (found.isEmpty() ? " No problems." : " " + found.size() + " problem(s):"));
    }

    private java.util.Optional<TableVersion> selected() {
        java.util.Optional<TableVersion> v = versions.getSelectedItems().stream().findFirst();
        if (v.isEmpty()) {
            status.setText("Select a version first.");
        }
        return v;
    }

    private String user() {
        return current.user().getUsername();
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static Button button(String label, String id, Runnable action) {
        Button b = new Button(label, e -> action.run());
        b.setId(id);
        return b;
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
