package org.reachpbx.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDiffTest {

    @Test
    void rowsAreMatchedByTheirKeyAndChangedCellsAreMarked() {
        List<List<String>> active = List.of(List.of("ring", "20"), List.of("queue", "60"), List.of("ivr", "10"));
        List<List<String>> draft = List.of(List.of("ring", "25"), List.of("queue", "60"), List.of("park", "45"));

        List<TableDiff.Change> changes = TableDiff.diff(active, draft);

        assertThat(changes).extracting(c -> c.kind() + " " + c.row())
                .containsExactly("CHANGED [ring, 25]", "ADDED [park, 45]", "REMOVED [ivr, 10]");
        TableDiff.Change ring = changes.get(0);
        assertThat(ring.before()).containsExactly("ring", "20");
        assertThat(ring.differs(0)).isFalse();
        assertThat(ring.differs(1)).isTrue();
    }

    @Test
    void equalTablesHaveNoChangesAndRepeatedKeysCompareWholeRows() {
        List<List<String>> rows = List.of(List.of("0049", "INTERNATIONAL"), List.of("0049", "EUROPE_EU"));
        assertThat(TableDiff.diff(rows, List.of(List.of("0049", "EUROPE_EU "), List.of("0049", "INTERNATIONAL", ""))))
                .isEmpty();
        assertThat(TableDiff.diff(rows, List.of(List.of("0049", "INTERNATIONAL"))))
                .extracting(c -> c.kind() + " " + c.row()).containsExactly("REMOVED [0049, EUROPE_EU]");
    }
}
