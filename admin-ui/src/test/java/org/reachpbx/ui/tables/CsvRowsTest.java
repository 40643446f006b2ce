package org.reachpbx.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        List<List<String>> rows = CsvRows.parse("a,b\r\n1,\"x, \"\"y\"\"\"\n2,\"two\nlines\"\n\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("1", "x, \"y\""), List.of("2", "two\nlines"));
    }

    @Test
    void emptyTextHasNoRows() {
        assertThat(CsvRows.parse("")).isEmpty();
        assertThat(CsvRows.parse(null)).isEmpty();
    }
}
