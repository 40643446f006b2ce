package org.reachpbx.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reachpbx.rules.vocabulary.BarringCategory;

/** The shipped default tables, compiled: classification (CB-04, CB-05, CB-06), Alert-Info (RING-01) and timeouts. */
class CompiledTablesTest {

    private static final CompiledTables TABLES = TableCompiler.compile("1", TableSet.defaults());

    @ParameterizedTest(name = "{0} is {1}, barred by {2}")
    @CsvSource(nullValues = "-", value = {
            "112,        EMERGENCY,    -,              112",
            "144,        SERVICE,      -,              144",
            "116000,     SERVICE,      -,              116",
            "09008844,   SERVICE,      -,              09008844",
            "08000113,   SERVICE,      -,              08000113",
            "08001234,   TOLL_FREE,    TOLL_FREE_0800, 0800",
            "0900123456, PREMIUM_0900, PREMIUM_0900,   0900",
            "0906123456, PREMIUM_0906, PREMIUM_0906,   0906",
            "0909123456, PREMIUM_0909, PREMIUM_0909,   0909",
            "0612345678, MOBILE,       MOBILE,         06",
            "0101234567, NATIONAL,     NATIONAL,       0",
            "0201234567, NATIONAL,     NATIONAL,       0",
            "0881234567, NATIONAL,     NATIONAL,       0",
    })
    void dutchNumbers(String number, DestinationCategory category, BarringCategory barring, String prefix) {
        DestinationClass c = TABLES.classify(number);
        assertThat(c.category()).isEqualTo(category);
        assertThat(c.barringCategory()).isEqualTo(barring);
        assertThat(c.regionGroup()).isNull();
        assertThat(c.matchedPrefix()).isEqualTo(prefix);
        assertThat(c.international()).isFalse();
    }

    @Test
    void emergencyIsNeverBarrable() {
        DestinationClass c = TABLES.classify("112");
        assertThat(c.emergency()).isTrue();
        assertThat(c.barringCategory()).isNull();
    }

    @ParameterizedTest(name = "{0} is in {1} by prefix {2}")
    @CsvSource({
            "00441234567,    INTERNATIONAL_EUROPE_EU,     44",
            "0012125551234,  INTERNATIONAL_NORTH_AMERICA, 1212",
            "0019995551234,  INTERNATIONAL_NORTH_AMERICA, 1",
            "0016715551234,  INTERNATIONAL_OCEANIA,       1671",
            "0049301234567,  INTERNATIONAL_EUROPE_EU,     49",
            "0027111234567,  INTERNATIONAL_AFRICA,        27",
            "0081312345678,  INTERNATIONAL_ASIA,          81",
            "0055111234567,  INTERNATIONAL_SOUTH_AMERICA, 55",
            "007123456789,   INTERNATIONAL_ASIA,          71",
            "0041441234567,  INTERNATIONAL_EUROPE_EU,     41",
            "0035512345678,  INTERNATIONAL_EUROPE_NON_EU, 355",
            "0088112345678,  INTERNATIONAL_OTHER,         881",
            "00262262123456, INTERNATIONAL_EUROPE_EU,     262",
    })
    void internationalNumbersGetTheirRegionByLongestPrefix(String number, BarringCategory group, String prefix) {
        DestinationClass c = TABLES.classify(number);
        assertThat(c.category()).isEqualTo(DestinationCategory.INTERNATIONAL);
        assertThat(c.international()).isTrue();
        assertThat(c.regionGroup()).isEqualTo(group);
        assertThat(c.barringCategory()).isEqualTo(group);
        assertThat(c.matchedPrefix()).isEqualTo(prefix);
        assertThat(c.country()).isNotBlank();
    }

    @Test
    void guamIsOceaniaNotNorthAmerica() {
        assertThat(TABLES.classify("001671123456").country()).contains("Guam");
        assertThat(TABLES.classify("001212123456").country()).contains("United States");
    }

    @Test
    void theDuplicatePrefix262NamesBothTerritories() {
        assertThat(TABLES.classify("00262123").country()).contains("Réunion").contains("Mayotte");
    }

    @ParameterizedTest
    @CsvSource({"002901234, 290", "008821234567, 882", "0088312345, 883"})
    void permanentlyBlockedPrefixesAreAlwaysBarredAndNotSelectable(String number, String prefix) {
        DestinationClass c = TABLES.classify(number);
        assertThat(c.category()).isEqualTo(DestinationCategory.PERMANENTLY_BLOCKED);
        assertThat(c.barringCategory()).isNull();
        assertThat(c.regionGroup()).isNull();
        assertThat(c.matchedPrefix()).isEqualTo(prefix);
    }

    @Test
    void anInternationalNumberNoRegionMatchesIsOther() {
        // No country code starts with 0; "00" alone has no region either.
        for (String number : new String[] {"000123", "00", "0028123"}) {
            DestinationClass c = TABLES.classify(number);
            assertThat(c.category()).as(number).isEqualTo(DestinationCategory.INTERNATIONAL);
            assertThat(c.regionGroup()).as(number).isEqualTo(BarringCategory.INTERNATIONAL_OTHER);
            assertThat(c.barringCategory()).as(number).isEqualTo(BarringCategory.INTERNATIONAL_OTHER);
            assertThat(c.matchedPrefix()).as(number).isNull();
        }
    }

    @Test
    void theNetherlandsIsNeverInternational() {
        // Normalised to national (ACC-08, CB-05/A30), even when the caller passes them unnormalised.
        assertThat(TABLES.classify("0031201234567").category()).isEqualTo(DestinationCategory.NATIONAL);
        assertThat(TABLES.classify("+31201234567").category()).isEqualTo(DestinationCategory.NATIONAL);
        assertThat(TABLES.classify("+31612345678").category()).isEqualTo(DestinationCategory.MOBILE);
        assertThat(TABLES.classify("0031906123456").category()).isEqualTo(DestinationCategory.PREMIUM_0906);
        assertThat(TABLES.classify("+310201234567").category()).as("+31 (0)20…").isEqualTo(DestinationCategory.NATIONAL);
        assertThat(TABLES.classify("+441234567").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_EUROPE_EU);
        assertThat(TABLES.classify("+16711234567").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_OCEANIA);
    }

    @Test
    void numbersNoRowMatchesAndNonNumbersAreNationalWithoutPrefix() {
        for (String input : new String[] {null, "", "1888", "201", "*6", "06-12345678", "abc"}) {
            DestinationClass c = TABLES.classify(input);
            assertThat(c).as(String.valueOf(input)).isSameAs(CompiledTables.UNMATCHED);
            assertThat(c.category()).isEqualTo(DestinationCategory.NATIONAL);
            assertThat(c.barringCategory()).isEqualTo(BarringCategory.NATIONAL);
            assertThat(c.matchedPrefix()).isNull();
        }
    }

    @Test
    void classifyReturnsSharedInstances() {
        assertThat(TABLES.classify("0612345678")).isSameAs(TABLES.classify("0698765432"));
        assertThat(TABLES.classify("001671123")).isSameAs(TABLES.classify("001671999"));
    }

    @Test
    void alertInfoPerCallType() {
        assertThat(TABLES.alertInfo(CallType.EMERGENCY_QUEUE)).isEqualTo("alert-emergency");
        assertThat(TABLES.alertInfo(CallType.QUEUE)).isEqualTo("alert-acd");
        assertThat(TABLES.alertInfo(CallType.GROUP)).isEqualTo("alert-group");
        assertThat(TABLES.alertInfo(CallType.INTERNAL)).isEqualTo("alert-community-1");
        assertThat(TABLES.alertInfo(CallType.NATIONAL)).isEqualTo("alert-external");
        assertThat(TABLES.alertInfo(CallType.INTERNATIONAL)).isEqualTo("alert-community-2");
        assertThat(TABLES.alertInfo(null)).isNull();
    }

    @Test
    void defaultTimeouts() {
        assertThat(TABLES.defaultTimeout(TimeoutKind.DIGIT_ENTRY)).isEqualTo(10);
        assertThat(TABLES.defaultTimeout(TimeoutKind.POSTAL_CODE_ENTRY)).isEqualTo(10);
        assertThat(TABLES.defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(30);
        assertThat(TABLES.defaultTimeout(TimeoutKind.FORWARD_RING)).isEqualTo(30);
    }

    @Test
    void theDefaultsHoldTheWholeRegionTable() {
        // 675 rows in the manual, 262 twice.
        assertThat(TABLES.regionPrefixes()).isEqualTo(674);
        assertThat(TABLES.version()).isEqualTo("1");
    }

    @Test
    void classifyIsFastAndDoesNotAllocate() {
        String[] numbers = {"0612345678", "001671123456", "00441234567", "112", "0201234567", "0031201234567"};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean sun = threads instanceof com.sun.management.ThreadMXBean s ? s : null;
        for (int i = 0; i < 200_000; i++) { // warm up (JIT)
            TABLES.classify(numbers[i % numbers.length]);
        }
        long allocatedBefore = sun == null ? 0 : sun.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int n = 1_000_000;
        int hash = 0;
        for (int i = 0; i < n; i++) {
            hash += TABLES.classify(numbers[i % numbers.length]).category().ordinal();
        }
        long nanosPerCall = (System.nanoTime() - start) / n;
        long allocated = sun == null ? 0 : sun.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(hash).isPositive();
        // Generous bounds for a busy 2-core build machine; typically ~20-50 ns and 0 bytes.
        assertThat(nanosPerCall).as("ns per classify").isLessThan(1_000);
        assertThat(allocated).as("bytes allocated by 1M classify calls").isLessThan(100_000);
    }
}
