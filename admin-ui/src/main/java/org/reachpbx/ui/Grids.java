package org.reachpbx.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What every data grid of the admin UI shares: sortable columns and a text filter.
 * <p>
 * In Vaadin 24 a column made by {@code addColumn(valueProvider)} is not sortable until it is told
 * so; its comparator then compares the shown values (numbers as numbers, everything else as its
 * text). {@link #sortable} makes every such column sortable, {@link #sortBy} gives a column whose
 * shown text does not sort right ("12 s", a formatted date, "10" before "9") the value it sorts by.
 * {@link Filter} narrows a grid to the rows one of whose texts contains the typed text.
 */
public final class Grids {

    private Grids() {
    }

    /**
     * Texts as people sort them: two numbers by their value ("9" before "10"), anything else
     * ignoring case; empty and null first.
     */
    public static final Comparator<String> TEXT = (a, b) -> {
        String x = a == null ? "" : a.trim();
        String y = b == null ? "" : b.trim();
        if (x.matches("-?\\d{1,18}") && y.matches("-?\\d{1,18}")) {
            return Long.compare(Long.parseLong(x), Long.parseLong(y));
        }
        int c = String.CASE_INSENSITIVE_ORDER.compare(x, y);
        return c != 0 ? c : x.compareTo(y);
    };

    /** The column sorts its texts by {@link #TEXT}. */
    public static <T> Grid.Column<T> sortByText(Grid.Column<T> column, Function<T, ?> text) {
        return column.setComparator(Comparator.comparing(r -> {
            Object v = text.apply(r);
            return v == null ? null : v.toString();
        }, TEXT));
    }

    /** Every column of the grid sortable, except columns of components (buttons, links). */
    public static <T> Grid<T> sortable(Grid<T> grid) {
        for (Grid.Column<T> column : grid.getColumns()) {
            if (!(column.getRenderer() instanceof ComponentRenderer<?, ?>)) {
                column.setSortable(true);
            }
        }
        return grid;
    }

    /** The column sorts by this value (nulls first) instead of by its shown text. */
    public static <T, V extends Comparable<? super V>> Grid.Column<T> sortBy(Grid.Column<T> column,
                                                                            Function<T, V> value) {
        return column.setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * Whether one of the values contains the text, ignoring case; a blank text matches everything.
     * The one rule of every text filter (this class's {@link Filter}, the configuration lists).
     */
    public static boolean matches(String text, Stream<?> values) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return values.filter(Objects::nonNull).anyMatch(v -> v.toString().toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** A text filter for a grid whose items are set through {@link #setItems}. */
    public static <T> Filter<T> filter(String id, String placeholder, Grid<T> grid, Function<T, Stream<?>> texts) {
        return new Filter<>(id, placeholder, grid, texts);
    }

    /**
     * A text field (clear button, filtering while typing) that narrows its grid to the rows one of
     * whose texts contains the typed text. The view gives the grid its rows through
     * {@link #setItems}, so that a reload keeps the filter.
     */
    public static final class Filter<T> extends TextField {

        private final Grid<T> grid;
        private final Function<T, Stream<?>> texts;

        private Filter(String id, String placeholder, Grid<T> grid, Function<T, Stream<?>> texts) {
            this.grid = grid;
            this.texts = texts;
            setId(id);
            setPlaceholder(placeholder);
            setClearButtonVisible(true);
            setValueChangeMode(ValueChangeMode.LAZY);
            addValueChangeListener(e -> apply());
        }

        /** The grid's rows, of which it shows those that match the filter. */
        public void setItems(Collection<T> items) {
            grid.setItems(items);
            apply();
        }

        private void apply() {
            String text = getValue();
            grid.getListDataView().setFilter(item -> matches(text, texts.apply(item)));
        }

        /** The rows the grid shows now, in their order. */
        public List<T> shown() {
            return grid.getListDataView().getItems().toList();
        }
    }
}
