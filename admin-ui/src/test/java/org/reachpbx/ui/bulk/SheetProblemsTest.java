package org.reachpbx.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.ui.i18n.UiTexts;

/** A refused sheet's problems read in the UI's language (issue 17, defect 2): English and Dutch, never a key. */
class SheetProblemsTest {

    enum Colour { RED, GREEN }

    @Test
    void aRefusedCellReadsInEnglishAndInDutch() {
        assertThatThrownBy(() -> Cells.choice("colour", "BLUE", Colour.class))
                .isInstanceOfSatisfying(IllegalArgumentException.class, e -> {
                    SheetRefused.Problem p = Cells.problem(3, e);
                    assertThat(p.toString()).isEqualTo("row 3: colour \"BLUE\" is not one of RED, GREEN");
                    assertThat(p.reason(UiTexts.DUTCH)).isEqualTo("colour \"BLUE\" is niet een van RED, GREEN");
                });
    }

    @Test
    void aSheetWithoutRowsSaysSoInDutch() {
        assertThatThrownBy(() -> CsvSheet.read("number,name\n", List.of("number"), List.of("number", "name")))
                .isInstanceOfSatisfying(SheetRefused.class, e -> {
                    assertThat(e.problems().get(0).reason()).isEqualTo("no rows: the file holds only its header");
                    assertThat(e.problems().get(0).reason(UiTexts.DUTCH)).isEqualTo("geen rijen: het bestand heeft alleen een kopregel");
                });
    }

    @Test
    void aValidationMessageIsShownAsItIs() {
        assertThat(SheetRefused.Problem.text(2, "areaCode is not an area code ('12')").reason(UiTexts.DUTCH))
                .isEqualTo("areaCode is not an area code ('12')");
    }
}
