package org.reachpbx.ui.tables;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableStateException;
import org.reachpbx.rules.tables.TableValidationException;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.rules.tables.TableViolation;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;

/**
 * The analyst tables (docs/analyst-tables.md): their versions, the rows of each table, uploading a
 * CSV or XLSX file as a new draft, editing a draft's rows in the grid (double-click a row), the
 * changes of a draft against the active version, validating, publishing and rolling back. Every
 * change is audited.
 */
@Route(value = "rule-tables", layout = MainLayout.class)
@PageTitle("ReachPBX – Rule tables")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ANALYST})
@SuppressWarnings("deprecation") // MemoryBuffer: the UploadHandler API is new in 24.8; this one is simpler to read
public class RuleTablesView extends VerticalLayout {


    /** One row of the shown table; identity, not content, tells rows apart (two rows may be equal). */
    static final class EditRow {
        final List<String> cells;

        EditRow(List<String> cells) {
            this.cells = new ArrayList<>(cells);
        }

        String get(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        void set(int i, String value) {
            while (cells.size() <= i) {
                cells.add("");
            }
            cells.set(i, value == null ? "" : value);
        }
    }

    private final TableRegistry registry;
    private final CurrentUser current;
    private final Grid<TableVersion> versions = new Grid<>();
    private final ComboBox<TableName> table = new ComboBox<>();
    private final Grid<EditRow> rows = new Grid<>();
    private final Grid<TableViolation> violations = new Grid<>();
    private final Grid<TableDiff.Change> diff = new Grid<>();
    private final Span diffStatus = new Span();
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Button publish;
    private final HorizontalLayout draftActions;
    private List<String> header = List.of();
    private final List<EditRow> shown = new ArrayList<>();
    /** Narrows the shown rows to those with a cell containing the text; editing and saving keep all rows. */
    private final Grids.Filter<EditRow> rowFilter;
    private boolean dirty;

    public RuleTablesView(TableRegistry registry, CurrentUser current) {
        this.registry = registry;
        this.current = current;
        versions.setId("versions");
        versions.addColumn(TableVersion::version).setHeader(t("tables.version")).setAutoWidth(true);
        versions.addColumn(v -> t("tables.state." + v.state().name())).setHeader(t("tables.state")).setAutoWidth(true);
        versions.addColumn(v -> v.version() == registry.activeVersion() ? t("tables.active.yes") : "")
                .setHeader(t("tables.active")).setAutoWidth(true);
        versions.addColumn(TableVersion::author).setHeader(t("tables.author")).setAutoWidth(true);
        Grids.sortBy(versions.addColumn(v -> when(v.created())).setHeader(t("tables.created")).setAutoWidth(true),
                TableVersion::created);
        Grids.sortBy(versions.addColumn(v -> when(v.publishedAt())).setHeader(t("tables.publishedAt"))
                .setAutoWidth(true), TableVersion::publishedAt);
        versions.addColumn(TableVersion::publishedBy).setHeader(t("tables.publishedBy")).setAutoWidth(true);
        versions.setAllRowsVisible(true);
        Grids.sortable(versions);
        versions.addSelectionListener(e -> showRows());

        table.setId("table");
        table.setLabel(t("tables.table"));
        table.setItems(TableName.values());
        table.setItemLabelGenerator(TableName::id);
        table.setValue(TableName.DEFAULT_TIMEOUTS);
        table.addValueChangeListener(e -> showRows());
        rows.setId("rows");
        rowFilter = Grids.filter("rows-filter", t("config.filter"), rows, r -> r.cells.stream());
        rowFilter.getStyle().set("align-self", "flex-end");
        rows.setAllRowsVisible(true);
        rows.addItemDoubleClickListener(e -> {
            if (isDraft() && e.getItem() != null) {
                rows.getEditor().editItem(e.getItem());
            }
        });

        violations.setId("violations");
        violations.addColumn(TableViolation::table).setHeader(t("tables.table")).setAutoWidth(true);
        Grids.sortBy(violations.addColumn(v -> v.row() == null ? "" : v.row().toString()).setHeader(t("tables.row"))
                .setAutoWidth(true), TableViolation::row);
        violations.addColumn(TableViolation::column).setHeader(t("tables.column")).setAutoWidth(true);
        violations.addColumn(TableViolation::message).setHeader(t("tables.problem")).setFlexGrow(1);
        violations.setAllRowsVisible(true);
        Grids.sortable(violations);
        violations.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        violations.setVisible(false);
        status.setId("table-status");
        diff.setId("diff");
        diff.setAllRowsVisible(true);
        diffStatus.setId("diff-status");
        progress.setId("progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);

        Button validate = button(t("tables.validate"), "validate", this::validate);
        publish = button(t("tables.publish"), "publish", this::confirmPublish);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button rollback = button(t("tables.rollback"), "rollback", this::confirmRollback);
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button newDraft = button(t("tables.newDraft"), "draft-new", this::newDraft);
        HorizontalLayout actions = new HorizontalLayout(newDraft, validate, publish, rollback);

        Button addRow = button(t("tables.addRow"), "row-add", this::addRow);
        Button saveDraft = button(t("tables.saveDraft"), "draft-save", this::saveDraft);
        saveDraft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        draftActions = new HorizontalLayout(addRow, saveDraft, new Span(t("tables.editHelp")));
        draftActions.setAlignItems(Alignment.CENTER);

        add(new H2(t("tables.title")), new Paragraph(t("tables.intro")),
                versions, actions, progress, status, violations, upload(), new H3(t("tables.rows")), new HorizontalLayout(table, rowFilter), rows,
                draftActions, new H3(t("tables.diff")), diffStatus, diff);
        refresh(null);
    }

    private String t(String key, Object... params) {
        return getTranslation(key, params);
    }

    private Upload upload() {
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        org.reachpbx.ui.i18n.UiTexts.localize(upload, getLocale());
        upload.setId("upload");
        upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setDropLabel(new Span(t("tables.upload")));
        upload.addSucceededListener(e -> {
            String file = e.getFileName();
            boolean xlsx = file.toLowerCase(Locale.ROOT).endsWith(".xlsx");
            TableName name = TableName.find(xlsx ? file.substring(0, file.length() - 5) : file).orElse(table.getValue());
            upload.clearFileList();
            try (InputStream in = buffer.getInputStream()) {
                String csv = xlsx ? XlsxRows.toCsv(in) : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                TableVersion draft = registry.uploadDraft(name, csv, user());
                current.audit(null, "Rule tables: upload draft",
                        "version " + draft.version() + ", table " + name.id() + " (" + file + ")");
                table.setValue(name);
                refresh(draft.version());
                showViolations(registry.validate(draft.version()), t("tables.draftCreated", str(draft.version())));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (TableValidationException ex) {
                showViolations(ex.getViolations(), t("tables.notStored"));
            } catch (RuntimeException ex) {
                if (!xlsx) {
                    throw ex;
                }
                showViolations(List.of(), t("tables.notStored") + " " + ex.getMessage());
            }
        });
        return upload;
    }

    private void newDraft() {
        // a draft replaces at least one table: the chosen one, unchanged (so it starts equal to the active version)
        TableName name = table.getValue();
        TableVersion draft = registry.createDraft(Map.of(name,
                registry.get(registry.activeVersion()).tables().text(name).orElse("")), user());
        current.audit(null, "Rule tables: new draft", "version " + draft.version() + " from version "
                + registry.activeVersion());
        refresh(draft.version());
        showViolations(List.of(), t("tables.draftCreated", str(draft.version())));
    }

    private void validate() {
        selected().ifPresent(v -> showViolations(registry.validate(v.version()), t("tables.versionPrefix",
                str(v.version()))));
    }

    /** The tables are shared by every tenant: publishing asks first, naming the version (issue 17, defect 6). */
    private void confirmPublish() {
        selected().ifPresent(v -> org.reachpbx.ui.ConfirmDelete.open(t("tables.confirmPublish.title"),
                t("tables.confirmPublish.text", str(v.version())), t("tables.publish"), t("tables.confirmCancel"),
                this::publish));
    }

    /** As {@link #confirmPublish}: rolling back changes the routing of every tenant at once. */
    private void confirmRollback() {
        org.reachpbx.ui.ConfirmDelete.open(t("tables.confirmRollback.title"),
                t("tables.confirmRollback.text", str(registry.activeVersion())), t("tables.rollback"),
                t("tables.confirmCancel"), this::rollback);
    }

    /** Shows the progress bar first (one round trip), then publishes, then says how it went. */
    private void publish() {
        selected().ifPresent(v -> {
            progress.setVisible(true);
            publish.setEnabled(false);
            status.setText(t("tables.publishing", str(v.version())));
            getElement().executeJs("return 0").then(ignored -> {
                try {
                    doPublish(v);
                } finally {
                    progress.setVisible(false);
                    publish.setEnabled(true);
                }
            });
        });
    }

    private void doPublish(TableVersion v) {
        try {
            TableVersion published = registry.publish(v.version(), user());
            current.audit(null, "Rule tables: publish", "version " + published.version());
            refresh(published.version());
            String text = t("tables.published", str(published.version()));
            showViolations(List.of(), text);
            Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TableValidationException e) {
            showViolations(e.getViolations(), t("tables.cannotPublish", str(v.version())));
        } catch (TableStateException e) {
            error(e.getMessage());
        }
    }

    private void rollback() {
        try {
            int from = registry.activeVersion();
            TableVersion active = registry.rollback(user());
            current.audit(null, "Rule tables: roll back", "from version " + from + " to version " + active.version());
            refresh(active.version());
            showViolations(List.of(), t("tables.rolledBack", str(from), str(active.version())));
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

    private boolean isDraft() {
        return versions.getSelectedItems().stream().findFirst().map(v -> v.state() == TableState.DRAFT).orElse(false);
    }

    private void showRows() {
        rows.getEditor().cancel();
        rows.removeAllColumns();
        shown.clear();
        dirty = false;
        TableName name = table.getValue();
        String text = versions.getSelectedItems().stream().findFirst().flatMap(v -> v.tables().text(name)).orElse("");
        List<List<String>> parsed = CsvRows.parse(text);
        header = parsed.isEmpty() ? List.of() : parsed.get(0);
        boolean draft = isDraft();
        Binder<EditRow> binder = new Binder<>();
        Editor<EditRow> editor = rows.getEditor();
        editor.setBinder(binder);
        editor.setBuffered(false);
        IntStream.range(0, header.size()).forEach(i -> {
            Grid.Column<EditRow> column = Grids.sortByText(rows.addColumn(r -> r.get(i)).setHeader(header.get(i))
                    .setAutoWidth(true), r -> r.get(i)).setSortable(true);
            if (draft) {
                TextField field = new TextField();
                field.setId("cell-edit-" + i);
                field.setWidthFull();
                binder.forField(field).bind(r -> r.get(i), (r, v) -> {
                    if (!v.equals(r.get(i))) {
                        r.set(i, v);
                        dirty = true;
                    }
                });
                column.setEditorComponent(field);
            }
        });
        if (draft && !header.isEmpty()) {
            rows.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        parsed.stream().skip(1).map(EditRow::new).forEach(shown::add);
        rowFilter.setItems(shown);
        draftActions.setVisible(draft);
        showDiff();
    }

    private Component removeButton(EditRow row) {
        Button remove = new Button(t("tables.removeRow"), e -> {
            rows.getEditor().cancel();
            shown.remove(row);
            dirty = true;
            rows.getDataProvider().refreshAll();
        });
        remove.setId("row-remove-" + shown.indexOf(row));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }

    private void addRow() {
        rowFilter.clear(); // the new, empty row must be shown to be edited
        EditRow row = new EditRow(header.stream().map(h -> "").toList());
        shown.add(row);
        dirty = true;
        rows.getDataProvider().refreshAll();
        rows.getEditor().editItem(row);
    }

    private void saveDraft() {
        Optional<TableVersion> selected = selected();
        if (selected.isEmpty() || !isDraft()) {
            return;
        }
        rows.getEditor().closeEditor();
        TableName name = table.getValue();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        shown.forEach(r -> all.add(r.cells));
        try {
            TableVersion updated = registry.updateDraft(selected.get().version(), Map.of(name, CsvRows.format(all)),
                    user());
            current.audit(null, "Rule tables: edit draft", "version " + updated.version() + ", table " + name.id()
                    + ", " + shown.size() + " rows");
            refresh(updated.version());
            showViolations(registry.validate(updated.version()), t("tables.draftSaved", str(updated.version())));
        } catch (TableValidationException e) {
            showViolations(e.getViolations(), t("tables.notStored"));
        } catch (TableStateException e) {
            error(e.getMessage());
        }
    }

    /** The selected draft's rows of the chosen table against the active version's. */
    private void showDiff() {
        diff.removeAllColumns();
        Optional<TableVersion> v = versions.getSelectedItems().stream().findFirst();
        if (v.isEmpty() || v.get().state() != TableState.DRAFT) {
            diff.setVisible(false);
            diffStatus.setText(t("tables.diff.onlyDrafts"));
            return;
        }
        TableName name = table.getValue();
        List<List<String>> active = CsvRows.parse(registry.get(registry.activeVersion()).tables().text(name).orElse(""));
        List<List<String>> draft = CsvRows.parse(v.get().tables().text(name).orElse(""));
        List<TableDiff.Change> changes = TableDiff.diff(active.isEmpty() ? List.of() : active.subList(1, active.size()),
                draft.isEmpty() ? List.of() : draft.subList(1, draft.size()));
        diffStatus.setText(changes.isEmpty() ? t("tables.diff.none", str(v.get().version()), str(registry.activeVersion()))
                : t("tables.diff.some", str(changes.size()), str(v.get().version()), str(registry.activeVersion())));
        diff.addComponentColumn(c -> marked(t("tables.diff." + c.kind().name()), c.kind(), true))
                .setHeader(t("tables.diff.change")).setAutoWidth(true);
        IntStream.range(0, header.size()).forEach(i -> diff.addComponentColumn(c -> {
            String text = c.kind() == TableDiff.Kind.CHANGED && c.differs(i)
                    ? TableDiff.cell(c.before(), i) + " → " + TableDiff.cell(c.after(), i)
                    : TableDiff.cell(c.row(), i);
            return marked(text, c.kind(), c.differs(i));
        }).setHeader(header.get(i)).setAutoWidth(true));
        diff.setItems(changes);
        diff.setVisible(!changes.isEmpty());
    }

    /** A cell of the diff: green for added, red (struck through) for removed, yellow for a changed value. */
    private static Span marked(String text, TableDiff.Kind kind, boolean highlight) {
        Span s = new Span(text);
        s.getElement().setAttribute("data-change", kind.name().toLowerCase(Locale.ROOT));
        if (highlight) {
            String colour = switch (kind) {
                case ADDED -> "var(--lumo-success-color-10pct)";
                case REMOVED -> "var(--lumo-error-color-10pct)";
                case CHANGED -> "rgba(255, 200, 0, 0.3)";
            };
            s.getStyle().set("background", colour).set("padding", "0 0.25em");
            if (kind == TableDiff.Kind.REMOVED) {
                s.getStyle().set("text-decoration", "line-through");
            }
        }
        return s;
    }

    private void showViolations(List<TableViolation> found, String prefix) {
        violations.setItems(found);
        violations.setVisible(!found.isEmpty());
        status.setText(prefix + " " + (found.isEmpty() ? t("tables.noProblems") : t("tables.problems", str(found.size()))));
    }

    private Optional<TableVersion> selected() {
        Optional<TableVersion> v = versions.getSelectedItems().stream().findFirst();
        if (v.isEmpty()) {
            status.setText(t("tables.selectFirst"));
        }
        return v;
    }

    private String user() {
        return current.user().getUsername();
    }

    private static String str(int n) {
        return String.valueOf(n);
    }

    /** Shared by all tenants, so in UTC, named (issue 17, defect 7). */
    private static String when(Instant at) {
        return org.reachpbx.ui.Times.format(at, org.reachpbx.ui.Times.UTC);
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
