package org.reachpbx.ui.config;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.validation.Violation;

/**
 * A list of configuration items of one or more kinds (all extension types, or public numbers, or
 * channels, ...): a sortable grid with a text filter and, for several kinds, a type filter; new,
 * edit and delete open an {@link ItemForm} in a dialog. Every change goes through
 * {@link ConfigSupport#save}; a refused change keeps the dialog open with each violation at its
 * field. Without the right to edit there are no new, delete and save buttons.
 */
public class ListEditor extends VerticalLayout {

    /** One row: an item and its kind. */
    public record Row(Kind<?> kind, Object item) {
        public String key() {
            return keyOf(kind, item);
        }

        public String name() {
            return nameOf(kind, item);
        }

        private static <T> String keyOf(Kind<T> kind, Object item) {
            return String.valueOf(kind.key().apply(kind.cast(item)));
        }

        private static <T> String nameOf(Kind<T> kind, Object item) {
            String name = kind.name().apply(kind.cast(item));
            return name == null ? "" : name;
        }
    }

    private final String prefix;
    private final String area;
    private final List<Kind<?>> kinds;
    private final ConfigSupport support;
    private final LongSupplier tenantId;
    private final UnaryOperator<String> t;
    private final Grid<Row> grid = new Grid<>();
    private Grid.Column<Row> nameColumn;
    private final TextField filter = new TextField();
    private final ComboBox<Kind<?>> typeFilter = new ComboBox<>();
    private List<Row> rows = List.of();
    private Consumer<Row> onSelect = r -> { };

    /**
     * @param prefix id prefix of the components ({@code ext} gives {@code ext-grid}, {@code ext-new}, ...)
     * @param area   the audit trail's area ("Extensions")
     */
    private Runnable afterChange = () -> { };

    public ListEditor(String prefix, String area, List<Kind<?>> kinds, ConfigSupport support, LongSupplier tenantId,
                      UnaryOperator<String> translate, List<Column> extraColumns) {
        this.prefix = prefix;
        this.area = area;
        this.kinds = kinds;
        this.support = support;
        this.tenantId = tenantId;
        this.t = translate;

        grid.setId(prefix + "-grid");
        grid.addColumn(Row::key).setHeader(t.apply("config.col.key")).setSortable(true)
                .setComparator(Comparator.comparing(Row::key)).setAutoWidth(true);
        nameColumn = grid.addColumn(Row::name).setHeader(t.apply("config.col.name")).setSortable(true)
                .setComparator(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)).setFlexGrow(1);
        if (kinds.size() > 1) {
            grid.addColumn(r -> kindLabel(r.kind())).setHeader(t.apply("config.col.type")).setSortable(true)
                    .setComparator(Comparator.comparing(r -> kindLabel(r.kind()))).setAutoWidth(true);
        }
        for (Column c : extraColumns) {
            org.reachpbx.ui.Grids.sortByText(grid.addColumn(r -> c.value().apply(r)).setHeader(t.apply(c.header()))
                    .setSortable(true).setAutoWidth(true), c.value());
        }
        grid.setHeight(kinds.size() > 1 ? "28em" : "18em");
        grid.addSelectionListener(e -> onSelect.accept(e.getFirstSelectedItem().orElse(null)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));

        filter.setId(prefix + "-filter");
        filter.setPlaceholder(t.apply("config.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(e -> applyFilter());

        typeFilter.setId(prefix + "-type");
        typeFilter.setPlaceholder(t.apply("config.allTypes"));
        typeFilter.setItems(kinds);
        typeFilter.setItemLabelGenerator(this::kindLabel);
        typeFilter.setClearButtonVisible(true);
        typeFilter.setVisible(kinds.size() > 1);
        typeFilter.addValueChangeListener(e -> applyFilter());

        Button edit = new Button(t.apply(support.canEdit() ? "config.edit" : "config.view"),
                e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::open));
        edit.setId(prefix + "-edit");
        HorizontalLayout bar = new HorizontalLayout(typeFilter, filter, edit);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (support.canEdit()) {
            Button create = new Button(t.apply("config.new"), e -> create());
            create.setId(prefix + "-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button delete = new Button(t.apply("config.delete"),
                    e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::confirmDelete));
            delete.setId(prefix + "-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(create, delete);
        }
        add(bar, grid);
        setPadding(false);
    }

    /** An extra grid column: text key of the header and the cell value. */
    public record Column(String header, Function<Row, Object> value) {
    }

    public void onSelect(Consumer<Row> listener) {
        this.onSelect = listener;
    }

    public Grid<Row> grid() {
        return grid;
    }

    /** A header other than "Name" for the second column (a number's owner, a channel's user). */
    public ListEditor nameHeader(String key) {
        nameColumn.setHeader(t.apply(key));
        return this;
    }

    /** Runs after every stored change of the list (the view redraws what depends on it). */
    public ListEditor afterChange(Runnable afterChange) {
        this.afterChange = afterChange;
        return this;
    }

    /** For short lists (schemas, privacy groups): the grid as high as its rows. */
    public ListEditor compact() {
        grid.setHeight(null);
        grid.setAllRowsVisible(true);
        return this;
    }

    private String kindLabel(Kind<?> kind) {
        return t.apply("config.kind." + kind.id());
    }

    /** Draws the shown rows again (their values may have changed, a channel's registration say); keeps selection and sort. */
    public void redraw() {
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths(); // a longer value ("registered: 2 contact(s), ...") is not cut off
    }

    /** Reads the items of the current tenant again. */
    public void reload() {
        Tenant tenant = support.read(tenantId.getAsLong());
        List<Row> list = new ArrayList<>();
        for (Kind<?> k : kinds) {
            for (Object item : k.list().apply(tenant)) {
                list.add(new Row(k, item));
            }
        }
        rows = list;
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue();
        Kind<?> kind = typeFilter.getValue();
        grid.setItems(rows.stream()
                .filter(r -> kind == null || r.kind() == kind)
                .filter(r -> org.reachpbx.ui.Grids.matches(text, java.util.stream.Stream.of(r.key(), r.name(),
                        kindLabel(r.kind()))))
                .toList());
    }

    private void create() {
        Kind<?> kind = typeFilter.getValue() != null ? typeFilter.getValue() : kinds.get(0);
        openForm(kind, null, kind.factory().get());
    }

    private void open(Row row) {
        openForm(row.kind(), row.key(), row.item());
    }

    private <T> void openForm(Kind<T> kind, String key, Object item) {
        boolean editable = support.canEdit();
        Dialog dialog = new Dialog();
        dialog.setId(prefix + "-dialog");
        dialog.setHeaderTitle(kindLabel(kind) + (key == null ? " – " + t.apply("config.new") : " " + key));
        dialog.setWidth("60em");
        long id = tenantId.getAsLong();
        ItemForm<T> form = new ItemForm<>(kind.type(), kind.cast(item), editable, t, Pickers.of(id, support.read(id)));
        form.setId("item-form");
        dialog.add(form);
        Button cancel = new Button(t.apply(editable ? "config.cancel" : "config.close"), e -> dialog.close());
        cancel.setId("item-cancel");
        dialog.getFooter().add(cancel);
        if (editable) {
            Button save = new Button(t.apply("config.save"), e -> save(kind, key, form, dialog));
            save.setId("item-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(save);
        }
        dialog.open();
    }

    private <T> void save(Kind<T> kind, String key, ItemForm<T> form, Dialog dialog) {
        T item;
        try {
            item = form.value();
        } catch (ItemForm.InvalidForm invalid) {
            return;
        }
        long id = tenantId.getAsLong();
        String[] path = new String[1];
        String newKey = String.valueOf(kind.key().apply(item));
        List<Violation> violations = support.save(id, draft -> {
            if (key == null) {
                kind.add(draft, item);
                path[0] = kind.yaml() + "[" + (kind.list().apply(draft).size() - 1) + "]";
            } else {
                int index = kind.indexOf(draft, key);
                if (index < 0) {
                    throw new IllegalStateException(key + " no longer exists");
                }
                kind.replace(draft, kind.list().apply(draft).get(index), item);
                path[0] = kind.yaml() + "[" + index + "]";
            }
        }, area + ": " + (key == null ? "create" : "update"), kind.id() + " " + newKey);
        if (violations.isEmpty()) {
            dialog.close();
            ConfigSupport.saved(t.apply("config.saved"));
            reload();
            afterChange.run();
        } else {
            form.showViolations(violations, path[0]);
        }
    }

    /** Asks first, naming the item (type and key); Cancel keeps it. */
    private void confirmDelete(Row row) {
        org.reachpbx.ui.ConfirmDelete.open(t.apply("config.confirmDelete.title"),
                java.text.MessageFormat.format(t.apply("config.confirmDelete.text"), kindLabel(row.kind()) + " " + row.key()),
                t.apply("config.delete"), t.apply("config.cancel"), () -> delete(row));
    }

    private <T> void delete(Row row) {
        Kind<T> kind = (Kind<T>) row.kind();
        List<Violation> violations = support.save(tenantId.getAsLong(), draft -> {
            int index = kind.indexOf(draft, row.key());
            if (index >= 0) {
                kind.remove(draft, kind.list().apply(draft).get(index));
            }
        }, area + ": delete", kind.id() + " " + row.key());
        if (violations.isEmpty()) {
            ConfigSupport.saved(t.apply("config.deleted"));
            afterChange.run();
            reload();
        } else {
            ConfigSupport.refused(t.apply("config.refused"), violations);
        }
    }
}
