package org.reachpbx.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.rules.vocabulary.ExtensionType;
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

    /** A cell of a known column names the column by its Dutch label, the header after it. */
    @Test
    void aRefusedCellOfAKnownColumnNamesItInDutch() {
        assertThatThrownBy(() -> Cells.choice("licence", "GOLD", org.reachpbx.rules.vocabulary.Licence.class))
                .isInstanceOfSatisfying(IllegalArgumentException.class, e -> {
                    SheetRefused.Problem p = Cells.problem(4, e);
                    assertThat(p.reason()).isEqualTo("licence \"GOLD\" is not one of START, PRO, COMPLEET");
                    assertThat(p.reason(UiTexts.DUTCH)).isEqualTo("Licentie (licence) \"GOLD\" is niet een van START, PRO, COMPLEET");
                });
    }

    /** The validator's reason for a row's user reads in Dutch, its column and the kinds named in Dutch. */
    @Test
    void aRowsValidationProblemReadsInDutch() {
        Violation pin = Violation.of("users[2].pin", "pinRun");
        SheetRefused.Problem p = TenantSheets.problems(TenantSheets.Sheet.USERS, List.of(pin), Map.of(2, 5)).get(0);
        assertThat(p.toString()).isEqualTo("row 5: pin is insecure: a run of consecutive digits");
        assertThat(p.reason(UiTexts.DUTCH)).isEqualTo("Nieuwe pincode (pin) is onveilig: een reeks opeenvolgende cijfers");

        Violation elsewhere = Violation.of("numberPlanSchemas", "mainSchemaRequired");
        assertThat(TenantSheets.problems(TenantSheets.Sheet.USERS, List.of(elsewhere), Map.of()).get(0).reason(UiTexts.DUTCH))
                .isEqualTo("numberPlanSchemas: het hoofdschema (nummer 1) is verplicht en kan niet worden verwijderd");

        SheetRefused.Problem notAUser = new SheetRefused.Problem(3, "notAUser", "300", ExtensionType.GROUP);
        assertThat(notAUser.reason(UiTexts.DUTCH)).isEqualTo("300 is geen gebruiker maar een toestel van de soort Belgroep");
        assertThat(notAUser.reason()).isEqualTo("300 is not a user but a Group extension");
    }

    @Test
    void aValidationMessageIsShownAsItIs() {
        assertThat(SheetRefused.Problem.text(2, "areaCode is not an area code ('12')").reason(UiTexts.DUTCH))
                .isEqualTo("areaCode is not an area code ('12')");
    }
}
