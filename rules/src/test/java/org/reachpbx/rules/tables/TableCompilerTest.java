package org.reachpbx.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * Validation of the analyst tables: every problem is reported with its table, spreadsheet row
 * (header = row 1), column and reason, and the CSV variants spreadsheets write are read.
 */
class TableCompilerTest {

    private static final String DESTINATIONS_HEADER = "prefix,category,barringCategory,description\n";
    private static final String REQUIRED_DESTINATIONS = """
            112,EMERGENCY,,
            0,NATIONAL,NATIONAL,
            00,INTERNATIONAL,INTERNATIONAL,
            """;

    private static TableSet defaultsWith(TableName table, String text) {
        return TableSet.defaults().with(table, text);
    }

    private static List<TableViolation> violations(TableName table, String text) {
        return TableCompiler.validate(defaultsWith(table, text));
    }

    private static TableViolation only(TableName table, String text) {
        List<TableViolation> violations = violations(table, text);
        assertThat(violations).as("violations of:\n" + text).hasSize(1);
        return violations.get(0);
    }

    @Test
    void theShippedDefaultsAreValid() {
        assertThat(TableCompiler.validate(TableSet.defaults())).isEmpty();
    }

    // ---- destination-categories.csv ----

    @Test
    void unknownCategoryNamesRowAndColumn() {
        TableViolation v = only(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "0800,FREE,TOLL_FREE_0800,\n");
        assertThat(v.table()).isEqualTo("destination-categories");
        assertThat(v.row()).isEqualTo(5);
        assertThat(v.column()).isEqualTo("category");
        assertThat(v.message()).contains("unknown category 'FREE'").contains("TOLL_FREE");
        assertThat(v.toString()).startsWith("destination-categories.csv row 5, column category: ");
    }

    @Test
    void unknownBarringCategory() {
        TableViolation v = only(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "0800,TOLL_FREE,GRATIS,\n");
        assertThat(v.row()).isEqualTo(5);
        assertThat(v.column()).isEqualTo("barringCategory");
        assertThat(v.message()).contains("unknown barringCategory 'GRATIS'");
    }

    @Test
    void prefixMustBeDigitsInNationalFormat() {
        List<TableViolation> v = violations(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "08x0,TOLL_FREE,TOLL_FREE_0800,\n"
                + "+3180,TOLL_FREE,TOLL_FREE_0800,\n"
                + "003180,TOLL_FREE,TOLL_FREE_0800,\n"
                + ",MOBILE,MOBILE,\n");
        assertThat(v).extracting(TableViolation::row).containsExactly(5, 6, 7, 8);
        assertThat(v).extracting(TableViolation::column).containsOnly("prefix");
        assertThat(v.get(0).message()).contains("only the digits");
        assertThat(v.get(1).message()).contains("national format");
        assertThat(v.get(2).message()).contains("write it as 080");
        assertThat(v.get(3).message()).contains("empty");
    }

    @Test
    void duplicatePrefixWithADifferentOutcome() {
        List<TableViolation> v = violations(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "06,MOBILE,MOBILE,\n"
                + "06,MOBILE,MOBILE,same outcome: accepted\n"
                + "06,NATIONAL,NATIONAL,\n");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).row()).isEqualTo(7);
        assertThat(v.get(0).column()).isEqualTo("prefix");
        assertThat(v.get(0).message()).contains("also in row 5");
    }

    @Test
    void emergencyAndServiceNumbersCannotBeBarred() {
        TableViolation v = only(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "144,SERVICE,NATIONAL,\n");
        assertThat(v.row()).isEqualTo(5);
        assertThat(v.column()).isEqualTo("barringCategory");
        assertThat(v.message()).contains("never barred");
    }

    @Test
    void categoriesAndPrefixesMustFitTogether() {
        List<TableViolation> v = violations(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "0044,MOBILE,MOBILE,\n"
                + "099,INTERNATIONAL,INTERNATIONAL,\n"
                + "0800,TOLL_FREE,,\n"
                + "0801,TOLL_FREE,INTERNATIONAL_ASIA,\n"
                + "0044,INTERNATIONAL,INTERNATIONAL_EUROPE_EU,\n");
        assertThat(v).extracting(TableViolation::row).containsExactly(5, 6, 7, 8, 9);
        assertThat(v.get(0).message()).contains("starts with 00 is international");
        assertThat(v.get(1).message()).contains("starts with 00");
        assertThat(v.get(2).message()).contains("needs the barring category");
        assertThat(v.get(3).message()).contains("international barring category");
        assertThat(v.get(4).message()).contains("region group comes from region-groups.csv");
    }

    @Test
    void rowsFor112And00AreRequired() {
        List<TableViolation> v = violations(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER
                + "0,NATIONAL,NATIONAL,\n");
        assertThat(v).extracting(TableViolation::row).containsOnlyNulls();
        assertThat(v).extracting(TableViolation::message).anyMatch(m -> m.contains("prefix 112") && m.contains("CB-06"))
                .anyMatch(m -> m.contains("prefix 00 "));

        TableViolation changed = only(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER
                + "00,INTERNATIONAL,INTERNATIONAL,\n112,SERVICE,,\n");
        assertThat(changed.row()).isEqualTo(3);
        assertThat(changed.column()).isEqualTo("category");
        assertThat(changed.message()).contains("must have category EMERGENCY");
    }

    @Test
    void headerProblems() {
        List<TableViolation> v = violations(TableName.DESTINATION_CATEGORIES, "prefix,categorie,barringCategory\n"
                + REQUIRED_DESTINATIONS);
        assertThat(v).extracting(TableViolation::row).containsOnly(1);
        assertThat(v).extracting(TableViolation::column).containsExactly("categorie", "category");
        assertThat(v.get(0).message()).contains("unknown column 'categorie'");
        assertThat(v.get(1).message()).contains("required column 'category' is missing");
    }

    @Test
    void aRowWithTooManyValues() {
        TableViolation v = only(TableName.DESTINATION_CATEGORIES, DESTINATIONS_HEADER + REQUIRED_DESTINATIONS
                + "06,MOBILE,MOBILE,mobile,extra\n");
        assertThat(v.row()).isEqualTo(5);
        assertThat(v.column()).isNull();
        assertThat(v.message()).contains("5 values");
    }

    // ---- missing and unreadable tables ----

    @Test
    void aMissingOrEmptyTable() {
        Map<TableName, String> texts = new EnumMap<>(TableSet.defaults().texts());
        texts.remove(TableName.ALERT_INFO);
        texts.put(TableName.DEFAULT_TIMEOUTS, "timeout,seconds\n");
        List<TableViolation> v = TableCompiler.validate(TableSet.of(texts));
        assertThat(v).hasSize(2);
        assertThat(v.get(0).table()).isEqualTo("alert-info");
        assertThat(v.get(0).row()).isNull();
        assertThat(v.get(0).message()).contains("missing");
        assertThat(v.get(1).table()).isEqualTo("default-timeouts");
        assertThat(v.get(1).message()).contains("no data rows");
    }

    @Test
    void unreadableCsvNamesTheRow() {
        TableViolation v = only(TableName.DEFAULT_TIMEOUTS, "timeout,seconds\nDIGIT_ENTRY,10\n\"FORWARD_RING,30\n");
        assertThat(v.table()).isEqualTo("default-timeouts");
        assertThat(v.message()).contains("cannot be read");
        assertThat(v.row()).isEqualTo(3);
    }

    @Test
    void compileThrowsWithEveryViolation() {
        TableSet set = TableSet.defaults()
                .with(TableName.DEFAULT_TIMEOUTS, "timeout,seconds\nDIGIT_ENTRY,0\n")
                .with(TableName.ALERT_INFO, "callType,alertInfo\nQUEUE,\n");
        assertThatThrownBy(() -> TableCompiler.compile("2", set))
                .isInstanceOfSatisfying(TableValidationException.class, e -> {
                    // The empty value, and the call types and timeouts without a row.
                    assertThat(e.getViolations()).extracting(TableViolation::table)
                            .containsOnly("alert-info", "default-timeouts").hasSize(6 + 4);
                    assertThat(e.getMessage()).startsWith("alert-info.csv row 2, column alertInfo: the Alert-Info value is empty")
                            .contains("alert-info.csv column callType: no row for call type EMERGENCY_QUEUE")
                            .contains("default-timeouts.csv row 2, column seconds: 0 is out of range");
                });
    }

    // ---- region-groups.csv ----

    @Test
    void regionGroups() {
        List<TableViolation> v = violations(TableName.REGION_GROUPS, """
                prefix,iso2,country,group
                1,US,United States,Internationaal (Noord-Amerika)
                1671,GU,Guam,Internationaal (Oceanië)
                44,GB,United Kingdom,Internationaal (Europa)
                0049,DE,Germany,Internationaal (Europa EU)
                +33,FR,France,Internationaal (Europa EU)
                262,RE,Réunion,Internationaal (Europa EU)
                262,YT,Mayotte,Internationaal (Europa EU)
                1671,GU,Guam,Internationaal (Noord-Amerika)
                4x,XX,Nowhere,Internationaal (Afrika)
                """);
        assertThat(v).extracting(TableViolation::row).containsExactly(4, 5, 6, 9, 10);
        assertThat(v.get(0).column()).isEqualTo("group");
        assertThat(v.get(0).message()).contains("unknown group 'Internationaal (Europa)'").contains("Permanent geblokkeerd");
        assertThat(v.get(1).message()).contains("without + or 00");
        assertThat(v.get(2).message()).contains("without + or 00");
        assertThat(v.get(3).message()).contains("also in row 3").contains("Oceanië");
        assertThat(v.get(4).message()).contains("only the digits");
    }

    @Test
    void regionGroupsAcceptEnumNamesAndDecomposedUnicode() {
        String nfd = java.text.Normalizer.normalize("Internationaal (Azië)", java.text.Normalizer.Form.NFD);
        CompiledTables tables = TableCompiler.compile("2", defaultsWith(TableName.REGION_GROUPS,
                "prefix,group\n81," + nfd + "\n44,INTERNATIONAL_EUROPE_NON_EU\n290,Permanent geblokkeerd\n"));
        assertThat(tables.classify("0081123").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_ASIA);
        assertThat(tables.classify("0044123").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_EUROPE_NON_EU);
        assertThat(tables.classify("0044123").country()).isNull();
        assertThat(tables.classify("00290123").category()).isEqualTo(DestinationCategory.PERMANENTLY_BLOCKED);
        assertThat(tables.classify("0049123").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_OTHER);
    }

    // ---- alert-info.csv ----

    private static final String ALERT_HEADER = "callType,alertInfo\n";
    private static final String OTHER_ALERTS = """
            QUEUE,alert-acd
            GROUP,alert-group
            INTERNAL,alert-community-1
            NATIONAL,alert-external
            INTERNATIONAL,alert-community-2
            """;

    @Test
    void alertEmergencyCannotBeChanged() {
        TableViolation v = only(TableName.ALERT_INFO, ALERT_HEADER + OTHER_ALERTS + "EMERGENCY_QUEUE,alert-urgent\n");
        assertThat(v.row()).isEqualTo(7);
        assertThat(v.column()).isEqualTo("alertInfo");
        assertThat(v.message()).contains("RING-02");
    }

    @Test
    void alertEmergencyIsReservedForEmergencyQueues() {
        TableViolation v = only(TableName.ALERT_INFO, ALERT_HEADER + "EMERGENCY_QUEUE,alert-emergency\n"
                + OTHER_ALERTS.replace("QUEUE,alert-acd", "QUEUE,alert-emergency"));
        assertThat(v.row()).isEqualTo(3);
        assertThat(v.message()).contains("reserved");
    }

    @Test
    void missingAndDuplicateCallTypes() {
        TableViolation missing = only(TableName.ALERT_INFO, ALERT_HEADER + OTHER_ALERTS);
        assertThat(missing.row()).isNull();
        assertThat(missing.column()).isEqualTo("callType");
        assertThat(missing.message()).isEqualTo("no row for call type EMERGENCY_QUEUE");

        TableViolation twice = only(TableName.ALERT_INFO, ALERT_HEADER + "EMERGENCY_QUEUE,alert-emergency\n"
                + OTHER_ALERTS + "queue,alert-acd-2\n");
        assertThat(twice.row()).isEqualTo(8);
        assertThat(twice.message()).isEqualTo("QUEUE is also in row 3");
    }

    @Test
    void alertValuesMustBeHeaderSafe() {
        List<TableViolation> v = violations(TableName.ALERT_INFO, ALERT_HEADER + "EMERGENCY_QUEUE,alert-emergency\n"
                + OTHER_ALERTS.replace("alert-group", "\"alert group\"").replace("alert-acd", "\"a,b\"")
                + "TRUNK,alert-trunk\n");
        assertThat(v).extracting(TableViolation::row).containsExactly(3, 4, 8);
        assertThat(v.get(2).message()).contains("unknown callType 'TRUNK'");
    }

    @Test
    void anAnalystCanChangeTheOtherRingtones() {
        CompiledTables tables = TableCompiler.compile("2", defaultsWith(TableName.ALERT_INFO,
                ALERT_HEADER + "EMERGENCY_QUEUE,alert-emergency\n" + OTHER_ALERTS.replace("alert-acd",
                        "<http://127.0.0.1/Bellcore-dr3>")));
        assertThat(tables.alertInfo(CallType.QUEUE)).isEqualTo("<http://127.0.0.1/Bellcore-dr3>");
    }

    // ---- default-timeouts.csv ----

    @Test
    void timeoutsInRange() {
        List<TableViolation> v = violations(TableName.DEFAULT_TIMEOUTS, """
                timeout,seconds
                DIGIT_ENTRY,0
                POSTAL_CODE_ENTRY,601
                EXTERNAL_RING,thirty
                FORWARD_RING,-5
                """);
        assertThat(v).extracting(TableViolation::row).containsExactly(2, 3, 4, 5);
        assertThat(v).extracting(TableViolation::column).containsOnly("seconds");
        assertThat(v.get(0).message()).contains("out of range").contains("1 to 600");
        assertThat(v.get(1).message()).contains("601 is out of range");
        assertThat(v.get(2).message()).contains("not a whole number");
    }

    @Test
    void missingTimeout() {
        TableViolation v = only(TableName.DEFAULT_TIMEOUTS, "timeout,seconds\nDIGIT_ENTRY,5\nPOSTAL_CODE_ENTRY,5\n"
                + "EXTERNAL_RING,600\n");
        assertThat(v.message()).isEqualTo("no row for timeout FORWARD_RING");
    }

    // ---- CSV as spreadsheets write it ----

    @Test
    void semicolonsBomQuotesBlankRowsAndCaseAreRead() {
        String text = "\uFEFFTimeout ; SECONDS;description\r\n"
                + "digit_entry;7;\"keys; digits\"\r\n"
                + ";;\r\n"
                + "\r\n"
                + "POSTAL_CODE_ENTRY;8\r\n"
                + "EXTERNAL_RING ; 45 ;\r\n"
                + "FORWARD_RING;\"46\";\"two\nlines\"\r\n"
                + "DIGIT_ENTRY;x\r\n";
        TableViolation v = only(TableName.DEFAULT_TIMEOUTS, text);
        // Blank rows count, as in the spreadsheet; the quoted line break does not start a row.
        assertThat(v.row()).isEqualTo(8);

        CompiledTables tables = TableCompiler.compile("2", defaultsWith(TableName.DEFAULT_TIMEOUTS,
                text.substring(0, text.lastIndexOf("DIGIT_ENTRY;x"))));
        assertThat(tables.defaultTimeout(TimeoutKind.DIGIT_ENTRY)).isEqualTo(7);
        assertThat(tables.defaultTimeout(TimeoutKind.POSTAL_CODE_ENTRY)).isEqualTo(8);
        assertThat(tables.defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
        assertThat(tables.defaultTimeout(TimeoutKind.FORWARD_RING)).isEqualTo(46);
    }

    @Test
    void anAnalystCanAddALongerPrefix() {
        CompiledTables tables = TableCompiler.compile("2", defaultsWith(TableName.DESTINATION_CATEGORIES,
                DESTINATIONS_HEADER + REQUIRED_DESTINATIONS + "0900123,PREMIUM_0906,PREMIUM_0906,\n"
                        + "0900,PREMIUM_0900,PREMIUM_0900,\n" + "00882,PERMANENTLY_BLOCKED,,\n"));
        assertThat(tables.classify("0900123999").category()).isEqualTo(DestinationCategory.PREMIUM_0906);
        assertThat(tables.classify("0900124999").category()).isEqualTo(DestinationCategory.PREMIUM_0900);
        assertThat(tables.classify("0612345678").category()).isEqualTo(DestinationCategory.NATIONAL);
        assertThat(tables.classify("008821234").category()).isEqualTo(DestinationCategory.PERMANENTLY_BLOCKED);
        assertThat(tables.classify("008821234").matchedPrefix()).isEqualTo("00882");
    }
}
