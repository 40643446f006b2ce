package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.ui.bulk.SheetRefused;
import org.reachpbx.ui.bulk.TenantSheets;
import org.reachpbx.ui.bulk.TenantSheets.Sheet;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Users and numbers as CSV for bulk changes (issue 17, defect 10), against the real store: the
 * export read back changes only what was edited, and a sheet with one bad row stores nothing and
 * names the row and the reason.
 */
class TenantSheetsTest extends DemoTenantBrowserTest {

    @Autowired
    TenantEditor editor;

    TenantSheets sheets() {
        return TenantSheets.direct(editor);
    }

    @Test
    void usersGoOutAsCsvAndComeBackWithTheirChanges() {
        String csv = sheets().export(demo, Sheet.USERS);
        assertThat(csv.lines().findFirst()).hasValue("number,name,licence,language,areaCode,pin");
        assertThat(csv).contains("201,Dhr. Jansen,COMPLEET,").doesNotContain("$2a$", "bcrypt");

        // unchanged, it changes nothing
        sheets().importCsv(demo, Sheet.USERS, csv);
        assertThat(export()).isEqualTo(original);

        String changed = csv.replace(",Dhr. Jansen,", ",Dhr. Jansen-de Vries,") + "299,Nieuwe Collega,START,EN,,7391\n";
        int rows = sheets().importCsv(demo, Sheet.USERS, changed);

        assertThat(rows).isEqualTo((int) csv.lines().count());
        String after = sheets().export(demo, Sheet.USERS);
        assertThat(after).contains("Dhr. Jansen-de Vries", "299,Nieuwe Collega,START,EN,,");
        assertThat(export()).contains("name: Nieuwe Collega", "name: Dhr. Jansen-de Vries");
    }

    @Test
    void numbersGoOutAsCsvAndComeBackWithTheirChanges() {
        String csv = sheets().export(demo, Sheet.NUMBERS);
        assertThat(csv.lines().findFirst()).hasValue("number,kind,active,owner,defaultCallClass,anonymousCallClass");
        assertThat(csv).contains("+31201110001,FIXED,true,201,Zakelijk");

        // Dutch Excel writes semicolons and national numbers; a new number is added
        sheets().importCsv(demo, Sheet.NUMBERS, "number;active\n0201110001;false\n0201110099;ja\n");

        String after = sheets().export(demo, Sheet.NUMBERS);
        assertThat(after).contains("+31201110001,FIXED,false,201,Zakelijk", "+31201110099,FIXED,true,");
    }

    @Test
    void oneBadRowStoresNothingAndIsNamed() {
        String csv = "number,name,licence\n202,Changed Name,PRO\n203,Other Name,GOLD\n";

        assertThatThrownBy(() -> sheets().importCsv(demo, Sheet.USERS, csv))
                .isInstanceOfSatisfying(SheetRefused.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.row()).isEqualTo(3);
                            assertThat(p.reason()).contains("licence \"GOLD\"", "START, PRO, COMPLEET");
                        }));
        assertThat(export()).isEqualTo(original);
    }

    @Test
    void aRowTheValidationRefusesIsNamedToo() {
        String csv = "number,name,areaCode\n202,Changed Name,\n203,Other Name,12\n";

        assertThatThrownBy(() -> sheets().importCsv(demo, Sheet.USERS, csv))
                .isInstanceOfSatisfying(SheetRefused.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.row()).isEqualTo(3);
                    assertThat(p.reason()).contains("areaCode", "area code");
                }));
        assertThat(export()).isEqualTo(original);
    }

    @Test
    void aSheetWithAnUnknownColumnOrAnotherKindOfExtensionIsRefused() {
        assertThatThrownBy(() -> sheets().importCsv(demo, Sheet.USERS, "number,salary\n202,1000\n"))
                .isInstanceOfSatisfying(SheetRefused.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith("row 1: unknown column \"salary\""));
        assertThatThrownBy(() -> sheets().importCsv(demo, Sheet.NUMBERS, "number,kind\n0201110000,MOBILE\n0201110000,FIXED\n"))
                .isInstanceOfSatisfying(SheetRefused.class, e -> assertThat(e.problems().get(0).toString())
                        .isEqualTo("row 3: number +31201110000 is already in row 2"));
        assertThat(export()).isEqualTo(original);
    }
}
