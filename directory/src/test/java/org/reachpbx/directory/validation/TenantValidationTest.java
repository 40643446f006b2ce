package org.reachpbx.directory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reachpbx.directory.model.AiExtension;
import org.reachpbx.directory.model.DynamicCallerId;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.ForwardExtension;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanEntry;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.vocabulary.ProfileSetting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

/**
 * Every validation rule of the configuration store, proven through {@link TenantStore}: each test
 * takes the valid tenant {@code tenants/validation/base.yaml}, breaks one rule, and checks that the
 * store refuses it with the path and reason of the broken rule, and that nothing was stored, both
 * for a new tenant and for the replacement of a stored one.
 */
@SpringBootTest
class TenantValidationTest {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @Autowired
    TenantStore store;
    @Autowired
    TenantRepository tenants;
    @Autowired
    TenantYaml yaml;

    /** The tenant name of this test; every test has its own tenant, so tests do not interfere. */
    private String name;
    /** base.yaml under {@link #name}. */
    private String base;

    @BeforeEach
    void nameTheTenant() {
        int n = TENANTS.incrementAndGet();
        name = "Validatie " + n + " BV";
        base = resource("tenants/validation/base.yaml")
                .replace("name: Validatie BV\nsipDomain: validatie.reachpbx.test",
                        "name: " + name + "\nsipDomain: validatie" + n + ".reachpbx.test");
        assertThat(base).contains("name: " + name);
    }

    @AfterEach
    void removeTheTenant() {
        tenants.findByName(name).ifPresent(t -> store.delete(t.getId()));
    }

    // ---- the base -----------------------------------------------------------------------------

    @Test
    void baseTenantIsValidAndRoundTrips() {
        TenantStore.Saved saved = store.importYaml(base);
        String export = store.exportYaml(saved.id()).orElseThrow();
        assertThat(export).contains("name: " + name).doesNotContain("4827").doesNotContain("Kanaal-wachtwoord");
        assertThat(store.importYaml(export).replaced()).isTrue();
        assertThat(store.exportYaml(saved.id())).contains(export);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void baseTenantWithLongerExtensionsIsValid(int length) {
        String document = withExtensionLength(base, length);
        assertThat(document).contains(length == 4 ? "\"2010\"" : "\"20100\"");
        store.importYaml(document);
        assertThat(tenants.findByName(name)).get().extracting(Tenant::getExtensionLength).isEqualTo(length);
    }

    // ---- extension numbers (ACC-01, ACC-03, ACC-04) -------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'number: \"204\"', 'number: \"2040\"',  users[3].number,  '2040 must have 3 digits'",
            "'number: \"204\"', 'number: \"20400\"', users[3].number,  '20400 must have 3 digits'",
            "'number: \"300\"', 'number: \"3000\"',  groups[0].number, '3000 must have 3 digits'",
            "'number: \"580\"', 'number: \"5800\"',  aiExtensions[0].number, '5800 must have 3 digits'",
            "'number: \"204\"', 'number: \"20\"',    users[3].number,  'must be an extension number of 3 to 5 digits'",
            "'number: \"204\"', 'number: \"2o4\"',   users[3].number,  'must be an extension number of 3 to 5 digits'"})
    void extensionOfAnotherLengthThanTheTenantsIsRefused(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    @Test
    void extensionOfThreeDigitsInAFourDigitTenantIsRefused() {
        // ACC-T1: given a 4-digit account, group 300 is rejected.
        String fourDigits = withExtensionLength(base, 4);
        refused(replaceOnce(fourDigits, "number: \"3000\"", "number: \"300\""), "groups[0].number",
                "300 must have 4 digits");
    }

    @Test
    void extensionLengthCannotChangeOnReplace() {
        store.importYaml(base);
        String before = store.exportYaml(name).orElseThrow();
        // The 4-digit document is valid in itself (baseTenantWithLongerExtensionsIsValid): only the change is refused.
        List<Violation> violations = attempt(withExtensionLength(base, 4), null);
        assertThat(violations).singleElement().isEqualTo(new Violation("extensionLength",
                "is fixed once chosen (3); a different length needs a new account"));
        assertThat(store.exportYaml(name)).contains(before);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'number: \"300\"', 'number: \"201\"', groups[0].number, 'extension number 201 is already used'",
            "'number: \"600\"', 'number: \"700\"', ivrs[0].number,   'extension number 700 is already used'",
            "'number: \"204\"', 'number: \"203\"', users[3].number,  'extension number 203 is already used'"})
    void extensionNumbersAreUniqueAcrossAllTypes(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    @ParameterizedTest(name = "{1} in a {0}-digit tenant")
    @CsvSource({"3, 900", "3, 901", "3, 910", "3, 915", "3, 920", "3, 930",
            "4, 1233", "4, 9301", "4, 9309", "5, 93010", "5, 93099"})
    void extensionNumberCollidingWithASystemCodeIsRefused(int length, String number) {
        // ACC-04, ACC-T2 (user 1233 in a 4-digit account), SYSNUM-01.
        String user = "\"204" + "0".repeat(length - 3) + "\"";
        String document = replaceOnce(withExtensionLength(base, length), "number: " + user,
                "number: \"" + number + "\"");
        refused(document, "users[3].number", number + " is a system number");
    }

    // ---- number plans (NP-02, NP-05, NP-07, ACC-05) -------------------------------------------

    @Test
    void phoneNumberInTwoSchemasIsRefused() {
        // NP-T3: 0301110000 is in schema 1; adding it to a plan of schema 2 is rejected.
        refused(base, t -> t.getNumberPlanSchemas().get(1).getPlans().get(0).getEntries()
                        .add(entry("0301110000", "300")),
                "numberPlanSchemas[1].plans[0].entries[1].number",
                "+31301110000 already belongs to schema 1; a number belongs to one schema only");
    }

    @Test
    void personalNumberInANumberPlanIsRefused() {
        // ACC-T3: a personal number of user 201 cannot be added to a number plan.
        refused(base, t -> t.getNumberPlanSchemas().get(0).getPlans().get(1).getEntries()
                        .add(entry("0301110010", "300")),
                "numberPlanSchemas[0].plans[1].entries[1].number",
                "+31301110010 is a personal number of user 201 and cannot be used in a number plan");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0301119999, '+31301119999 is not a number of this tenant'",
            "0301110002, '+31301110002 is not active (ACTIEF) yet'"})
    void numberPlanEntryNeedsAnActiveNumberOfTheTenant(String number, String reason) {
        refused(base, t -> t.getNumberPlanSchemas().get(0).getPlans().get(0).getEntries().add(entry(number, "300")),
                "numberPlanSchemas[0].plans[0].entries[1].number", reason);
    }

    @Test
    void numberPlanEntryNeedsAnExistingExtension() {
        String document = replaceOnce(base, "extension: \"700\"\n            prefix: ALG",
                "extension: \"299\"\n            prefix: ALG");
        refused(document, "numberPlanSchemas[0].plans[0].entries[0].extension", "there is no extension 299");
    }

    @Test
    void schemaWithMoreThan99PlansIsRefused() {
        refused(base, t -> addPlans(t, 3, 100), "numberPlanSchemas[0].plans", "has 100 plans; a schema has at most 99");
    }

    @Test
    void schemaWith99PlansIsAccepted() {
        Tenant tenant = yaml.read(base);
        addPlans(tenant, 3, 99);
        store.save(tenant);
        assertThat(store.exportYaml(name).orElseThrow()).contains("name: Plan 99");
    }

    @Test
    void mainSchemaIsRequired() {
        refused(base, t -> t.getNumberPlanSchemas().get(0).setNumber(3), "numberPlanSchemas",
                "the main schema (number 1) is required");
    }

    @Test
    void scheduleTimeIsReportedAtItsPathInTheDocument() {
        // A schedule entry is a window plus a plan: from/to sit on the entry itself, with no "window" level.
        String document = replaceOnce(base, "from: \"08:00\"\n        to: \"18:00\"\n        plan: 1",
                "from: \"08:00\"\n        to: \"25:00\"\n        plan: 1");
        refused(document, "numberPlanSchemas[0].schedule[0].to", "must be a time of day HH:mm");
    }

    // ---- IVR (IVR-03, IVR-04) -----------------------------------------------------------------

    @Test
    void ivrOptionLongerThanMaxDigitsIsRefused() {
        refused(replaceOnce(base, "digits: \"12\"", "digits: \"123\""), "ivrs[0].options[2].digits",
                "'123' has 3 digits, more than maxDigits (2)");
    }

    @Test
    void duplicateIvrOptionDigitsAreRefused() {
        refused(replaceOnce(base, "digits: \"12\"", "digits: \"1\""), "ivrs[0].options[2]",
                "'1' appears more than once");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'destination: \"201\"', 'destination: \"299\"', ivrs[0].options[2].destination, 'there is no extension 299'",
            "'failoverDestination: \"600\"', 'failoverDestination: \"699\"', ivrs[0].failoverDestination, 'there is no extension 699'",
            "'destination: \"201\"', 'destination: \"0612345678\"', ivrs[0].options[2].destination, 'only extensions are allowed here'"})
    void ivrDestinationMustBeAnExistingExtension(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    // ---- queues (QUE-02, QUE-06, QUE-16, QUE-23) ----------------------------------------------

    @ParameterizedTest
    @CsvSource({"301, must be at most 300 seconds", "4, must be greater than or equal to 5"})
    void queueRingTimeoutOutOfRangeIsRefused(int seconds, String reason) {
        refused(replaceOnce(base, "ringTimeout: 20", "ringTimeout: " + seconds), "queues[0].ringTimeout", reason);
    }

    @Test
    void queueNameHasNoSpecialCharacters() {
        refused(replaceOnce(base, "    name: Support\n", "    name: \"Support <24/7>\"\n"), "queues[0].name",
                "may only contain letters, digits, spaces");
    }

    @Test
    void groupCannotBeAQueueMember() {
        refused(replaceOnce(base, "members: [\"201\", \"202\", \"570\"]", "members: [\"201\", \"202\", \"570\", \"300\"]"),
                "queues[0].members[3]", "'300' is not a user or forward extension; only those can be queue members");
    }

    @Test
    void startLicenceUserCannotBeAQueueMember() {
        refused(replaceOnce(base, "members: [\"201\", \"202\", \"570\"]", "members: [\"201\", \"203\", \"570\"]"),
                "queues[0].members[1]", "user 203 has a Start licence and cannot be a queue member");
    }

    @Test
    void ringAllQueueWith16MembersIsRefused() {
        refused(base, t -> addQueueAgents(t, 13), "queues[0].members", "a ring-all queue has at most 15 members");
    }

    @Test
    void ringAllQueueWith15MembersIsAccepted() {
        Tenant tenant = yaml.read(base);
        addQueueAgents(tenant, 12);
        store.save(tenant);
        assertThat(yaml.read(store.exportYaml(name).orElseThrow()).getQueues().get(0).getMembers()).hasSize(15);
    }

    // ---- call limits (ECL-01, CH-04) ----------------------------------------------------------

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "'externalCallLimit: 3', 'externalCallLimit: 0', externalCallLimit, must be greater than or equal to 1",
            "'externalCallLimit: 3', 'externalCallLimit: 6', externalCallLimit, must be less than or equal to 5",
            "'callLimit: 2',         'callLimit: 6',         channels[0].callLimit, must be less than or equal to 5",
            "'callLimit: 3',         'callLimit: 0',         channels[1].callLimit, must be greater than or equal to 1"})
    void callLimitOutOfRangeIsRefused(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    // ---- IP allowlist (IPL-03, IPL-T2) --------------------------------------------------------

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"192.0.2.0, 192.0.2.255", "192.0.2.10, 192.0.2.50", "192.0.2.1, ''"})
    void allowlistRangeWithinOneBlockIsAccepted(String from, String to) {
        store.importYaml(allowlistEntry(from, to));
        assertThat(store.exportYaml(name).orElseThrow()).contains("from: " + from);
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({
            "192.0.2.0,   192.0.3.10,  ipAllowlist[2].to,   'must lie inside one x.x.x.0–x.x.x.255 block'",
            "192.0.2.50,  192.0.2.10,  ipAllowlist[2].to,   'the start address 192.0.2.50 must be lower than the end address 192.0.2.10'",
            "192.0.2.50,  192.0.2.50,  ipAllowlist[2].to,   'must be lower than the end address'",
            "192.0.2.256, '',          ipAllowlist[2].from, '''192.0.2.256'' is not an IPv4 address'",
            "192.0.2,     '',          ipAllowlist[2].from, '''192.0.2'' is not an IPv4 address'",
            "192.0.2.1,   192.0.2.x,   ipAllowlist[2].to,   '''192.0.2.x'' is not an IPv4 address'"})
    void allowlistEntryBreakingTheRangeRulesIsRefused(String from, String to, String path, String reason) {
        refused(allowlistEntry(from, to), path, reason);
    }

    @Test
    void allowlistNeedsIpListing() {
        refused(replaceOnce(base, "ipListing: true", "ipListing: false"), "ipAllowlist",
                "is only available when ipListing is on");
    }

    @Test
    void emptyAllowlistWithoutIpListingIsAccepted() {
        String document = replaceOnce(base, "ipListing: true", "ipListing: false");
        Tenant tenant = yaml.read(document);
        tenant.getIpAllowlist().clear();
        store.save(tenant);
        assertThat(tenants.findByName(name)).get().extracting(Tenant::isIpListing).isEqualTo(false);
    }

    // ---- start before end (NP-12, QUE-02, NP-13, REACH-07) ------------------------------------

    @ParameterizedTest(name = "end {0}")
    @ValueSource(strings = {"2026-12-24T23:59:00", "2026-12-25T00:00:00"})
    void holidayMustEndAfterItStarts(String end) {
        refused(replaceOnce(base, "end: 2026-12-27T00:00:00", "end: " + end), "numberPlanSchemas[0].holidays[0].end",
                "must be after the start 2026-12-25T00:00");
    }

    @ParameterizedTest(name = "end {0}")
    @ValueSource(strings = {"2025-12-31", "2026-01-01"})
    void queueEndDateMustBeAfterStartDate(String end) {
        refused(replaceOnce(base, "endDate: 2031-12-31", "endDate: " + end), "queues[0].endDate",
                "must be after startDate 2026-01-01");
    }

    @ParameterizedTest(name = "{0} until {0}")
    @ValueSource(strings = {"08:00", "00:00", "24:00"})
    void perDayScheduleWindowMustNotEndWhenItStarts(String time) {
        String document = replaceOnce(base, "from: \"08:00\"\n        to: \"18:00\"\n        plan: 1",
                "from: \"" + time + "\"\n        to: \"" + time + "\"\n        plan: 1");
        refused(document, "numberPlanSchemas[0].schedule[0].to", "must differ from the start time " + time);
    }

    @Test
    void perDayStatusWindowMustNotEndWhenItStarts() {
        String document = replaceOnce(base, "from: \"09:00\"\n              to: \"17:00\"",
                "from: \"09:00\"\n              to: \"09:00\"");
        refused(document, "users[1].reach.statuses[0].times[0].to", "must differ from the start time 09:00");
    }

    @ParameterizedTest(name = "{0} until {1}")
    @CsvSource({"18:00, 08:00", "08:00, 07:59", "18:00, 00:00"})
    void perDayWindowEndingBeforeItStartsRunsPastMidnight(String from, String to) {
        // WeeklyWindow and docs/tenant-yaml.md: in the per-day form an end before the start runs past midnight.
        String document = replaceOnce(base, "from: \"08:00\"\n        to: \"18:00\"\n        plan: 1",
                "from: \"" + from + "\"\n        to: \"" + to + "\"\n        plan: 1");
        document = replaceOnce(document, "from: \"09:00\"\n              to: \"17:00\"",
                "from: \"" + from + "\"\n              to: \"" + to + "\"");
        store.importYaml(document);
        Tenant stored = yaml.read(store.exportYaml(name).orElseThrow());
        assertThat(stored.getNumberPlanSchemas().get(0).getSchedule().get(0).getTo()).isEqualTo(to);
        assertThat(user(stored, "202").getReach().getStatuses().get(0).getTimes().get(0).getTo()).isEqualTo(to);
    }

    @Test
    void perPeriodScheduleWindowMustNotStartAndEndAtTheSameMoment() {
        refused(base, t -> {
            var window = t.getNumberPlanSchemas().get(1).getSchedule().get(0);
            window.setToDay(window.getFromDay());
            window.setTo(window.getFrom());
        }, "numberPlanSchemas[1].schedule[0].to", "the period must not start and end at the same moment");
    }

    // ---- references ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'profile: Buiten',   'profile: Weg',      users[0].reach.matrix[1].profile,   'there is no profile ''Weg'''",
            "'status: Weekend',   'status: Nacht',     users[0].reach.matrix[1].status,    'there is no status ''Nacht'''",
            "'callClass: Prive',  'callClass: Familie', users[0].reach.matrix[1].callClass, 'there is no call class ''Familie'''"})
    void reachMatrixNamesExistingProfilesStatusesAndCallClasses(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    @Test
    void assistantGroupMustBeAPrivacyGroup() {
        refused(replaceOnce(base, "assistantGroup: Secretariaat", "assistantGroup: Directie"),
                "users[0].assistantGroup", "there is no privacy group 'Directie'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"600", "570", "299"})
    void groupMemberMustBeAUser(String member) {
        refused(replaceOnce(base, "members: [\"201\", \"202\"]", "members: [\"201\", \"" + member + "\"]"),
                "groups[0].members[1]", "'" + member + "' is not a user extension of this tenant");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "201                       | '201' is an internal number; only external numbers are allowed here",
            "0612345678;201            | '201' is an internal number; only external numbers are allowed here",
            "0612345678; 300           | '300' is an internal number; only external numbers are allowed here",
            "0612345678;abc            | 'abc' is neither an extension of this tenant nor an external number",
            "0612345678;0201234567;06x | '06x' is neither an extension of this tenant nor an external number",
            "0612345678;;0201234567    | an empty item",
            "0612345678;               | an empty item"})
    void groupExternalForwardAcceptsExternalNumbersOnly(String forward, String reason) {
        // GRP-04, GRP-05: every ';'-separated item must be an external number.
        refused(replaceOnce(base, "onNoAnswer: \"0612345678;0201234567\"", "onNoAnswer: \"" + forward + "\""),
                "groups[0].externalForwards.onNoAnswer", reason);
    }

    @Test
    void groupInternalForwardAcceptsExtensionsAndExternalNumbers() {
        store.importYaml(replaceOnce(base, "onNoAnswer: \"600\"", "onNoAnswer: \"201;0612345678\""));
        assertThat(store.exportYaml(name).orElseThrow()).contains("onNoAnswer: 201;0612345678");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "0301110010, 0301119999, users[0].reach.defaultProfile.callerId, +31301119999",
            "0612345601, 0201234567, users[1].reach.defaultProfile.callerId, +31201234567"})
    void profileCallerIdMustBeANumberOfTheTenant(String from, String to, String path, String e164) {
        refused(replaceOnce(base, "callerId: \"" + from + "\"", "callerId: \"" + to + "\""), path,
                e164 + " is not a number of this tenant");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0301110010", "0612345601", "0301110002", "0301119999"})
    void emergencyFallbackCallerIdMustBeAnActiveCompanyNumber(String number) {
        // EFB-05: only company numbers (personal 0301110010/0612345601, inactive 0301110002, unknown).
        refused(replaceOnce(base, "emergencyFallbackCallerId: \"0301110000\"\nexternalCallLimit",
                        "emergencyFallbackCallerId: \"" + number + "\"\nexternalCallLimit"),
                "emergencyFallbackCallerId", "+31" + number.substring(1) + " must be an active company number of this tenant");
    }

    @Test
    void emergencyFallbackCallerIdIsRequired() {
        refused(replaceOnce(base, "emergencyFallbackCallerId: \"0301110000\"\nexternalCallLimit", "externalCallLimit"),
                "emergencyFallbackCallerId", "every account needs an emergency fallback caller ID");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"300", "600", "299"})
    void channelCanOnlyBeCoupledToAUser(String extension) {
        refused(replaceOnce(base, "coupledUser: \"201\"", "coupledUser: \"" + extension + "\""),
                "channels[0].coupledUser", "'" + extension + "' is not a user extension of this tenant");
    }

    @Test
    void userWithoutTwinningIsCoupledToOneChannelAtMost() {
        // USR-10: a twinning user can be linked to 1 or 2 channels, any other user to 1.
        refused(replaceOnce(base, "callLimit: 3\n", "callLimit: 3\n    coupledUser: \"201\"\n"),
                "channels[1].coupledUser", "user 201 can be linked to at most 1 channel without twinning");
    }

    @Test
    void twinningUserIsCoupledToTwoChannels() {
        String document = replaceOnce(base, "callLimit: 3\n", "callLimit: 3\n    coupledUser: \"201\"\n");
        document = replaceOnce(document, "  twinning: false", "  twinning: true");
        document = replaceOnce(document, "    callParking: true\n", "    callParking: true\n    twinning: true\n");
        store.importYaml(document);
        assertThat(store.exportYaml(name).orElseThrow()).contains("twinning: true");
    }

    @Test
    void defaultProfileDeviceMustBeADeviceOfTheUser() {
        refused(replaceOnce(base, "- device: Bureau", "- device: Tablet"), "users[0].reach.defaultProfile.devices[0].device",
                "user 201 has no device 'Tablet'");
    }

    @Test
    void profileDeviceMustBeADeviceOfTheUser() {
        refused(base, t -> user(t, "201").getReach().getProfiles().get(1).getDevices().get(0).setDevice("Tablet"),
                "users[0].reach.profiles[1].devices[0].device", "user 201 has no device 'Tablet'");
    }

    @Test
    void userDeviceChannelMustExist() {
        refused(replaceOnce(base, "channel: validatie-201", "channel: validatie-999"), "users[0].devices[0].channel",
                "there is no channel 'validatie-999'");
    }

    static Stream<Arguments> furtherRules() {
        return Stream.of(
                arguments("timeZone: Europe/Amsterdam", "timeZone: Europe/Utrecht", "timeZone",
                        "'Europe/Utrecht' is not a time zone"),
                arguments("owner: \"202\"", "owner: \"300\"", "numbers[4].owner",
                        "'300' is not a user extension of this tenant"),
                arguments("defaultCallClass: Zakelijk", "defaultCallClass: Onbekend", "numbers[3].defaultCallClass",
                        "user 201 has no call class 'Onbekend'"),
                arguments("- number: \"0301110002\"", "- number: \"+31301110001\"", "numbers[2]",
                        "'+31301110001' appears more than once"),
                arguments("    password: \"Kanaal-wachtwoord-lobby\"\n", "", "channels[1].password", "is required"),
                arguments("password: \"Kanaal-wachtwoord-lobby\"", "password: kort", "channels[1].password",
                        "must be 8 to 128 characters"),
                arguments("    callParking: true\n", "    callParking: true\n    twinning: true\n", "users[0].twinning",
                        "needs the account's twinning facility"),
                arguments("  callRecording: true\nnumbers:", "  callRecording: false\nnumbers:",
                        "users[0].rights.callRecording", "needs the account's call recording facility"),
                arguments("emergencyFallbackCallerId: \"0301110001\"", "emergencyFallbackCallerId: \"0301119999\"",
                        "users[0].emergencyFallbackCallerId", "+31301119999 is not a number of this tenant"),
                arguments("forwardAlways: \"202\"", "forwardAlways: \"0612345678\"",
                        "users[0].reach.profiles[0].forwardAlways", "only extensions are allowed here"),
                arguments("voicemailBox: \"600\"", "voicemailBox: \"300\"", "users[0].reach.profiles[1].voicemailBox",
                        "'300' is not a voicemail extension"),
                arguments("extensions: [\"202\"]", "extensions: [\"299\"]",
                        "users[0].reach.callClasses[1].extensions[0]", "there is no extension 299"),
                arguments("roamingStatus: Weekend", "roamingStatus: Vakantie", "users[0].reach.roamingStatus",
                        "there is no status 'Vakantie'"),
                arguments("members: [\"203\"]", "members: [\"300\"]", "privacyGroups[0].members[0]",
                        "'300' is not a user extension of this tenant"),
                arguments("target: \"201\"", "target: \"600\"", "privacyGroups[0].rights[0].target",
                        "'600' is not a user extension of this tenant"),
                arguments("privacyGroups: [Secretariaat]", "privacyGroups: [Directie]", "groups[0].privacyGroups[0]",
                        "there is no privacy group 'Directie'"),
                arguments("forwardCallerId: ORIGINAL_CALLER", "forwardCallerId: USER_CALLER_ID",
                        "groups[0].forwardCallerId", "must be ORIGINAL_CALLER or CALLED_NUMBER"),
                arguments("    failoverTimeout: 30\n", "", "ivrs[0].failoverTimeout",
                        "is required when failoverDestination is set"),
                arguments("    maxWaitDestination: \"600\"\n", "", "queues[0].maxWaitDestination",
                        "is required when maxWaitTimeout is set"),
                arguments("callerId: CALLED_NUMBER", "callerId: SPECIFIC_NUMBER", "forwards[0].callerIdNumber",
                        "is required when callerId is SPECIFIC_NUMBER"),
                arguments("serviceUri: sip:studio@ai.example.net", "serviceUri: https://studio.example.net",
                        "aiExtensions[0].serviceUri", "must be a SIP URI"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("furtherRules")
    void furtherFieldAndReferenceRulesAreChecked(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    @Test
    void defaultProfileCannotInherit() {
        refused(base, t -> user(t, "201").getReach().getDefaultProfile().getInherit().add(ProfileSetting.CALLER_ID),
                "users[0].reach.defaultProfile.inherit", "the default profile cannot inherit");
    }

    @Test
    void dynamicCallerIdCodesAreUniquePerUser() {
        refused(base, t -> {
            DynamicCallerId again = new DynamicCallerId();
            again.setCode("#32#");
            again.setCallerId("0301110000");
            user(t, "201").getReach().getDynamicCallerIds().add(again);
        }, "users[0].reach.dynamicCallerIds[1]", "'#32#' appears more than once");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"manualOverride", "schedule", "holiday"})
    void schemaPartsNameAPlanOfTheirSchema(String part) {
        String path = switch (part) {
            case "manualOverride" -> "numberPlanSchemas[1].manualOverride";
            case "schedule" -> "numberPlanSchemas[1].schedule[0].plan";
            default -> "numberPlanSchemas[0].holidays[0].plan";
        };
        refused(base, t -> {
            switch (part) {
                case "manualOverride" -> t.getNumberPlanSchemas().get(1).setManualOverride(5);
                case "schedule" -> t.getNumberPlanSchemas().get(1).getSchedule().get(0).setPlan(5);
                default -> t.getNumberPlanSchemas().get(0).getHolidays().get(0).setPlan(5);
            }
        }, path, "has no plan 5");
    }

    // ---- PINs (USR-02) ------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
            "1111, 'is insecure: one repeated digit'",
            "99999999, 'is insecure: one repeated digit'",
            "1234, 'is insecure: a run of consecutive digits'",
            "4321, 'is insecure: a run of consecutive digits'",
            "56789, 'is insecure: a run of consecutive digits'",
            "12, 'must be 4 to 8 digits'",
            "123, 'must be 4 to 8 digits'",
            "123456780, 'must be 4 to 8 digits'",
            "12a4, 'must be 4 to 8 digits'",
            "'', 'must be 4 to 8 digits'"})
    void insecureOrMalformedPinIsRefused(String pin, String reason) {
        refused(replaceOnce(base, "pin: \"2580\"", "pin: \"" + pin + "\""), "users[3].pin", reason);
    }

    @Test
    void voicemailPinFollowsThePinRules() {
        refused(replaceOnce(base, "pin: \"8264\"", "pin: \"1111\""), "voicemails[0].pin", "is insecure");
    }

    @Test
    void pin0000IsAcceptedAndRequiresANewPinAtTheNextLogin() {
        store.importYaml(replaceOnce(base, "pin: \"2580\"", "pin: \"0000\""));
        String export = store.exportYaml(name).orElseThrow();
        Tenant stored = yaml.read(export);
        assertThat(user(stored, "204").isPinChangeRequired()).isTrue();
        assertThat(user(stored, "201").isPinChangeRequired()).isFalse();
        assertThat(export).contains("pinChangeRequired: true").doesNotContain("\"0000\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4827", "2580", "9012", "13579", "12345679", "1212"})
    void securePinIsAccepted(String pin) {
        store.importYaml(replaceOnce(base, "pin: \"2580\"", "pin: \"" + pin + "\""));
        assertThat(user(yaml.read(store.exportYaml(name).orElseThrow()), "204").getPinHash()).startsWith("{bcrypt}");
    }

    @Test
    void userWithoutPinIsRefused() {
        refused(replaceOnce(base, "    pin: \"2580\"\n", ""), "users[3].pin", "is required");
    }

    @Test
    void exportedPinHashIsAcceptedWithoutAPin() {
        store.importYaml(base);
        String export = store.exportYaml(name).orElseThrow();
        assertThat(export).doesNotContain("pin: ");
        store.importYaml(export);
        assertThat(store.exportYaml(name)).contains(export);
    }

    // ---- REACH (REACH-18) ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#31#", "#3#", "#40#", "*32#"})
    void dynamicCallerIdCodeOutsideTheAllowedCodesIsRefused(String code) {
        refused(replaceOnce(base, "code: \"#32#\"", "code: \"" + code + "\""), "users[0].reach.dynamicCallerIds[0].code",
                "must be #30# or #32# to #39# (#31# is reserved for anonymous calls)");
    }

    @Test
    void dynamicCallerIdMustBeANumberOfTheTenant() {
        refused(replaceOnce(base, "code: \"#32#\"\n          callerId: \"0301110001\"",
                        "code: \"#32#\"\n          callerId: \"0301119999\""),
                "users[0].reach.dynamicCallerIds[0].callerId", "+31301119999 is not a number of this tenant");
    }

    // ---- AI fair use (AI-03) ------------------------------------------------------------------

    @Test
    void moreAiExtensionsThanProAndCompleetLicencesAreRefused() {
        // 201 COMPLEET, 202 PRO, 204 PRO count; 203 START does not: 3 allowed, 4 refused.
        refused(base, t -> addAiExtensions(t, 3), "aiExtensions",
                "4 AI extensions exceed the 3 Pro and Compleet licences of this account");
    }

    @Test
    void aiExtensionsUpToProAndCompleetLicencesAreAccepted() {
        Tenant tenant = yaml.read(base);
        addAiExtensions(tenant, 2);
        store.save(tenant);
        assertThat(yaml.read(store.exportYaml(name).orElseThrow()).getAiExtensions()).hasSize(3);
    }

    @Test
    void startLicenceUsersDoNotCountForAiFairUse() {
        refused(replaceOnce(base, "pin: \"2580\"\n    licence: PRO", "pin: \"2580\"\n    licence: START"),
                t -> addAiExtensions(t, 2), "aiExtensions", "3 AI extensions exceed the 2 Pro and Compleet licences");
    }

    // ---- malformed documents ------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"users:\n\t- number: 201", "{ name: Validatie BV", "name: Validatie BV\n  sipDomain: - x",
            "name: 'Validatie BV\n", "name: Validatie BV\nname: Validatie BV: extensionLength: 3\n"})
    void documentThatIsNotYamlIsRefused(String document) {
        List<Violation> violations = refusedDocument(document);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).startsWith("not valid YAML (line ");
        });
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"- just\n- a list\n", "just some text\n", "42\n", "<tenant name=\"x\"/>\n"})
    void documentThatIsNotATenantIsRefused(String document) {
        // YAML, but no mapping of tenant fields.
        assertThat(refusedDocument(document)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).startsWith("the document must describe one tenant").contains("(line 1)");
        });
    }

    @Test
    void unknownFieldIsRefusedWithItsPath() {
        List<Violation> violations = refused(replaceOnce(base, "licence: COMPLEET", "license: COMPLEET"),
                "users[0].license", "unknown field 'license' (line ");
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("licence"));
    }

    @Test
    void unknownTopLevelFieldIsRefused() {
        refused(replaceOnce(base, "ipListing: true", "ipListning: true"), "ipListning", "unknown field 'ipListning'");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "licence: COMPLEET       | licence: GOLD       | users[0].licence        | is not one of [START, PRO, COMPLEET]",
            "strategy: RING_ALL      | strategy: RINGALL   | queues[0].strategy      | is not one of [",
            "presence: AWAY          | presence: ABSENT    | users[0].reach.statuses[1].presence | is not one of [",
            "fromDay: FRIDAY         | fromDay: VRIJDAG    | users[0].reach.statuses[1].times[0].fromDay | is not one of",
            "externalCallLimit: 3    | externalCallLimit: drie | externalCallLimit   | drie"})
    void wrongValueIsRefusedWithItsPath(String from, String to, String path, String reason) {
        refused(replaceOnce(base, from, to), path, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "licence: COMPLEET  | licence: GOLD     | users[0].licence   | org.reachpbx.rules.vocabulary.Licence",
            "strategy: RING_ALL | strategy: RINGALL | queues[0].strategy | org.reachpbx.rules.vocabulary.QueueStrategy",
            "presence: AWAY     | presence: ABSENT  | users[0].reach.statuses[1].presence | org.reachpbx.rules.vocabulary.Presence"})
    void wrongEnumValueIsRefusedWithAllAllowedValues(String from, String to, String path, String enumClass)
            throws ClassNotFoundException {
        List<Violation> violations = refused(replaceOnce(base, from, to), path, "is not one of [");
        for (Object allowed : Class.forName(enumClass).getEnumConstants()) {
            assertViolation(violations, path, allowed.toString());
        }
        assertViolation(violations, path, "(line ");
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", "   \n\n", "~\n", "null\n"})
    void emptyDocumentIsRefused(String document) {
        assertThat(refusedDocument(document)).singleElement()
                .isEqualTo(new Violation("", "the document is empty"));
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"# nothing configured yet\n", "---\n", "--- # empty\n...\n"})
    void documentWithoutContentIsRefused(String document) {
        assertThat(refusedDocument(document)).singleElement()
                .isEqualTo(new Violation("", "the document is empty"));
    }

    // ---- secrets, lengths and destinations found in review -------------------------------------

    @Test
    void aMailboxPinCannotBe0000() {
        refused(replaceOnce(base, "pin: \"8264\"", "pin: \"0000\""), "voicemails[0].pin", "0000 is not allowed for a mailbox");
    }

    @Test
    void anExportedPasswordHashNeedsBothDigests() {
        refused(replaceOnce(base, "    password: \"Kanaal-wachtwoord-201\"\n",
                        "    passwordHash:\n      md5: \"0123456789abcdef0123456789abcdef\"\n"),
                "channels[0].passwordHash", "needs both md5 and sha256");
    }

    @Test
    void aPinHashMustLookLikeAnExportedOne() {
        refused(replaceOnce(base, "pin: \"8264\"", "pinHash: \"8264\""), "voicemails[0].pinHash",
                "must be a PIN hash as exported ({bcrypt}");
    }

    @Test
    void aForwardExtensionConnectsToAnExternalNumberOnly() {
        refused(replaceOnce(base, "destination: \"0612345678\"\n    callerId: CALLED_NUMBER",
                "destination: \"201\"\n    callerId: CALLED_NUMBER"), "forwards[0].destination",
                "only external numbers are allowed here");
    }

    @Test
    void aNumberLongerThanTwentyCharactersIsRefusedNotStoredHalf() {
        refused(replaceOnce(base, "mobileNumber: \"0612345678\"", "mobileNumber: \"+316123456789012345678\""),
                "users[0].devices[1].mobileNumber", "must match");
    }

    @Test
    void aDuplicateProfileNameIsReportedAtTheCustomProfile() {
        refused(replaceOnce(base, "        - name: Buiten\n", "        - name: Standaard\n"),
                "users[0].reach.profiles[0].name", "'Standaard' is already the name of another profile");
    }

    // ---- several errors -----------------------------------------------------------------------

    @Test
    void severalErrorsAreReportedTogether() {
        String document = replaceOnce(base, "number: \"204\"", "number: \"2040\"");
        document = replaceOnce(document, "digits: \"12\"", "digits: \"123\"");
        document = replaceOnce(document, "ringTimeout: 20", "ringTimeout: 301");
        document = replaceOnce(document, "to: 203.0.113.63", "to: 203.0.114.63");
        document = replaceOnce(document, "pin: \"7391\"", "pin: \"1234\"");
        List<Violation> violations = refused(document, "users[3].number", "must have 3 digits");
        assertViolation(violations, "ivrs[0].options[2].digits", "more than maxDigits (2)");
        assertViolation(violations, "queues[0].ringTimeout", "must be at most 300 seconds");
        assertViolation(violations, "ipAllowlist[1].to", "must lie inside one x.x.x.0–x.x.x.255 block");
        assertViolation(violations, "users[2].pin", "is insecure");
        assertThat(violations).hasSize(5);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** {@link #refused(String, Consumer, String, String)} without a change in Java. */
    private List<Violation> refused(String document, String path, String reason) {
        return refused(document, null, path, reason);
    }

    /**
     * Asserts that {@code document} (read and then changed by {@code change}, when given) is refused
     * with a violation at {@code path} whose message contains {@code reason}: once as a new tenant,
     * once replacing the stored base tenant of the same name. Neither attempt may store anything.
     * Returns the violations of the first attempt.
     */
    private List<Violation> refused(String document, Consumer<Tenant> change, String path, String reason) {
        assertThat(tenants.findByName(name)).isEmpty();
        List<Violation> asNew = attempt(document, change);
        assertViolation(asNew, path, reason);
        assertThat(tenants.findByName(name)).as("nothing of the refused tenant is stored").isEmpty();

        store.importYaml(base);
        String before = store.exportYaml(name).orElseThrow();
        List<Violation> asReplacement = attempt(document, change);
        assertViolation(asReplacement, path, reason);
        assertThat(store.exportYaml(name)).as("the stored tenant is unchanged").contains(before);
        return asNew;
    }

    /** A document that cannot even be read: refused, and the stored base tenant is unchanged. */
    private List<Violation> refusedDocument(String document) {
        List<Violation> violations = attempt(document, null);
        store.importYaml(base);
        String before = store.exportYaml(name).orElseThrow();
        assertThat(attempt(document, null)).isEqualTo(violations);
        assertThat(store.exportYaml(name)).contains(before);
        return violations;
    }

    /** Imports (or reads, changes and saves) the document; it must be refused and store nothing. */
    private List<Violation> attempt(String document, Consumer<Tenant> change) {
        long count = tenants.count();
        Throwable thrown = catchThrowable(() -> {
            if (change == null) {
                store.importYaml(document);
            } else {
                Tenant tenant = yaml.read(document);
                change.accept(tenant);
                store.save(tenant);
            }
        });
        assertThat(thrown).as("the store must refuse the document").isInstanceOf(InvalidConfigurationException.class);
        assertThat(tenants.count()).as("no tenant added or removed").isEqualTo(count);
        List<Violation> violations = ((InvalidConfigurationException) thrown).getViolations();
        assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v.message()).isNotBlank());
        return violations;
    }

    private static void assertViolation(List<Violation> violations, String path, String reason) {
        assertThat(violations).as("violation at '%s' containing '%s'", path, reason)
                .anyMatch(v -> v.path().equals(path) && v.message().contains(reason));
    }

    /** Replaces the one occurrence of {@code from}; fails when it occurs not exactly once. */
    static String replaceOnce(String document, String from, String to) {
        int first = document.indexOf(from);
        assertThat(first).as("'%s' occurs in the document", from).isNotNegative();
        assertThat(document.indexOf(from, first + 1)).as("'%s' occurs only once", from).isNegative();
        return document.substring(0, first) + to + document.substring(first + from.length());
    }

    /** The document with every quoted 3-digit extension number padded with zeros to {@code length} digits. */
    static String withExtensionLength(String document, int length) {
        Matcher m = Pattern.compile("\"([2-7]\\d\\d)\"").matcher(document);
        String padded = m.replaceAll(r -> "\"" + r.group(1) + "0".repeat(length - 3) + "\"");
        return replaceOnce(padded, "extensionLength: 3", "extensionLength: " + length);
    }

    /** base.yaml with a third allowlist entry. */
    private String allowlistEntry(String from, String to) {
        String entry = "  - from: " + from + "\n" + (to.isEmpty() ? "" : "    to: " + to + "\n") + "    description: Test\n";
        return replaceOnce(base, "facilities:\n", entry + "facilities:\n");
    }

    static NumberPlanEntry entry(String number, String extension) {
        NumberPlanEntry e = new NumberPlanEntry();
        e.setNumber(number);
        e.setExtension(extension);
        return e;
    }

    /** Adds empty plans numbered {@code from} to {@code to} to the main schema. */
    static void addPlans(Tenant tenant, int from, int to) {
        for (int i = from; i <= to; i++) {
            NumberPlan plan = new NumberPlan();
            plan.setNumber(i);
            plan.setName("Plan " + i);
            tenant.getNumberPlanSchemas().get(0).getPlans().add(plan);
        }
    }

    /** Adds {@code count} forward extensions 551… as agents of queue 400 (which has 3 members). */
    static void addQueueAgents(Tenant tenant, int count) {
        QueueExtension queue = tenant.getQueues().get(0);
        for (int i = 0; i < count; i++) {
            ForwardExtension f = new ForwardExtension();
            f.setNumber(String.valueOf(551 + i));
            f.setName("Agent " + (i + 1));
            f.setDestination("06123456" + (10 + i));
            tenant.getExtensions().add(f);
            queue.getMembers().add(f.getNumber());
        }
    }

    /** Adds {@code count} AI extensions 581… to the one the base has. */
    static void addAiExtensions(Tenant tenant, int count) {
        for (int i = 0; i < count; i++) {
            AiExtension ai = new AiExtension();
            ai.setNumber(String.valueOf(581 + i));
            ai.setName("Calldeflector " + (i + 1));
            ai.setServiceUri("sip:deflector" + i + "@ai.example.net");
            tenant.getExtensions().add(ai);
        }
    }

    static UserExtension user(Tenant tenant, String number) {
        Extension e = tenant.extension(number).orElseThrow();
        return (UserExtension) e;
    }

    static String resource(String name) {
        try {
            return new ClassPathResource(name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
