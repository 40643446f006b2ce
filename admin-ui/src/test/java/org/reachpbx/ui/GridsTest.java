package org.reachpbx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GridsTest {

    record Item(String name, String count) {
    }

    @Test
    void everyValueColumnBecomesSortableButNotAComponentColumn() {
        Grid<Item> grid = new Grid<>();
        Grid.Column<Item> name = grid.addColumn(Item::name);
        Grid.Column<Item> button = grid.addColumn(new ComponentRenderer<>(i -> new Span(i.name())));
        assertThat(name.isSortable()).isFalse();
        Grids.sortable(grid);
        assertThat(name.isSortable()).isTrue();
        assertThat(button.isSortable()).isFalse();
    }

    @Test
    void numbersSortByValueAndTextIgnoringCase() {
        List<String> texts = new ArrayList<>(List.of("10", "9", "b", "A", ""));
        texts.sort(Grids.TEXT);
        assertThat(texts).containsExactly("", "9", "10", "A", "b");
    }

    @Test
    void aColumnSortsByItsTextComparatorInTheGrid() {
        Grid<Item> grid = new Grid<>();
        Grid.Column<Item> count = Grids.sortByText(grid.addColumn(Item::count), Item::count);
        grid.setItems(new Item("x", "10"), new Item("y", "9"), new Item("z", "100"));
        grid.sort(List.of(new GridSortOrder<>(count, SortDirection.ASCENDING)));
        assertThat(grid.getListDataView().getItems().map(Item::count)).containsExactly("9", "10", "100");
    }

    @Test
    void theFilterNarrowsTheGridAndKeepsNarrowingAfterNewItems() {
        Grid<Item> grid = new Grid<>();
        grid.addColumn(Item::name);
        Grids.Filter<Item> filter = Grids.filter("f", "Filter", grid, i -> Stream.of(i.name(), i.count()));
        filter.setItems(List.of(new Item("Jansen", "1"), new Item("Bakker", "2")));
        assertThat(filter.shown()).hasSize(2);
        filter.setValue("JAN");
        assertThat(filter.shown()).extracting(Item::name).containsExactly("Jansen");
        filter.setItems(List.of(new Item("Jansen", "1"), new Item("de Jan", "3"), new Item("Bakker", "2")));
        assertThat(filter.shown()).extracting(Item::name).containsExactly("Jansen", "de Jan");
        filter.clear();
        assertThat(filter.shown()).hasSize(3);
    }

    @Test
    void aBlankTextMatchesEverythingAndNullValuesNothing() {
        assertThat(Grids.matches(" ", Stream.of())).isTrue();
        assertThat(Grids.matches("x", Stream.of((Object) null))).isFalse();
        assertThat(Grids.matches("20", Stream.of("201"))).isTrue();
    }
}
