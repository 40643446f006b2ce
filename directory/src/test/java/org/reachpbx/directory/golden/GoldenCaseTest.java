package org.reachpbx.directory.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import jakarta.validation.Validation;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.validation.TenantValidator;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.view.TenantViewBuilder;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.tables.TableCompiler;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * Runs every golden case in testdata/golden: builds the tenant view from YAML, decides the
 * attempt with the real rules and tables, and compares the decision with the expectation.
 */
class GoldenCaseTest {
    static final Path GOLDEN = Path.of("../testdata/golden");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final TenantValidator VALIDATOR = new TenantValidator(
            Validation.buildDefaultValidatorFactory().getValidator());
    static final RoutingEngine ENGINE = new RoutingEngine(() -> TableCompiler.compile("golden", TableSet.defaults()));

    @TestFactory
    Stream<DynamicNode> goldenCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            GoldenCaseFile golden = YAML.readValue(file.toFile(), GoldenCaseFile.class);
            List<DynamicNode> tests = new ArrayList<>();
            for (GoldenCaseFile.Case c : golden.cases) {
                tests.add(DynamicTest.dynamicTest(c.name, () -> run(file, golden, c)));
            }
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    /** The golden set must cover every requirement the rules implement, with at least 150 cases. */
    @Test
    void goldenSetIsLargeAndCoversTheRules() throws IOException {
        int count = 0;
        Set<String> covered = new HashSet<>();
        try (Stream<Path> s = Files.list(GOLDEN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                GoldenCaseFile f = YAML.readValue(p.toFile(), GoldenCaseFile.class);
                count += f.cases.size();
                f.cases.forEach(c -> covered.addAll(c.covers));
            }
        }
        assertThat(count).as("golden cases").isGreaterThanOrEqualTo(150);
        assertThat(covered).as("requirements covered by golden cases").containsAll(RuleRequirements.all());
    }

    /** The requirement IDs a DRL rule names: a case covering one must show that rule at work. */
    static final Set<String> RULE_IDS = RuleRequirements.all();

    static void run(Path file, GoldenCaseFile golden, GoldenCaseFile.Case c) throws Exception {
        TenantView view = tenantView(file, golden, c);
        RoutingDecision decision = ENGINE.decide(attempt(c.attempt, view.zone()), view, Clock.systemUTC());
        JsonNode actual = JSON.valueToTree(decision);
        report(file, c, decision.trace());
        List<String> problems = coverage(c.covers, c.fired, c.notFired, c.noFiredBecause, decision.trace(), RULE_IDS);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n--- decision:\n"
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        check(c.expect, c.fired, c.notFired, actual, decision.trace(), JSON);
    }

    /**
     * A case proves what it {@code covers}: every covered ID that a rule names is asserted by the
     * case, that is a rule naming it fired (or the case lists it under {@code notFired}, proving it
     * does not apply); and the case states the rules it expects to fire ({@code fired}) or says
     * why it cannot ({@code noFiredBecause}). IDs no rule names (scenarios, data) are proven by
     * {@code expect} alone.
     */
    static List<String> coverage(List<String> covers, List<String> mustFire, List<String> mustNotFire,
                                 String noFiredBecause, List<FiredRule> trace, Set<String> ruleIds) {
        List<String> problems = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (FiredRule r : trace) {
            fired.add(r.requirement());
        }
        if (mustFire.isEmpty() && (noFiredBecause == null || noFiredBecause.isBlank())) {
            problems.add("the case names no rule that must fire: give fired: [...] or noFiredBecause: why");
        }
        for (String id : covers) {
            if (ruleIds.contains(id) && !fired.contains(id) && !mustNotFire.contains(id)) {
                problems.add("covers " + id + " but no rule naming " + id + " fired (fired: " + new java.util.TreeSet<>(fired)
                        + "); correct covers, or list it under notFired if the case proves it does not apply");
            }
        }
        return problems;
    }

    /** -Dgolden.report=file: one line per case (file, name, rule IDs fired), to help keep the cases honest. */
    private static synchronized void report(Path file, GoldenCaseFile.Case c, List<FiredRule> trace) throws IOException {
        String out = System.getProperty("golden.report");
        if (out == null) {
            return;
        }
        Set<String> ids = new java.util.TreeSet<>();
        trace.forEach(r -> ids.add(r.requirement()));
        Files.writeString(Path.of(out), file.getFileName() + "\t" + c.name + "\t" + String.join(",", ids) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Checks one decision against a golden case: the expected subset of its JSON, and the
     * requirement IDs whose rules must and must not have fired. Fails with every problem and the
     * whole decision.
     */
    static void check(JsonNode expect, List<String> mustFire, List<String> mustNotFire, JsonNode actual,
                      List<FiredRule> trace, ObjectMapper printer) throws IOException {
        List<String> problems = new ArrayList<>();
        if (expect != null) {
            compare("", expect, actual, problems);
        }
        Set<String> fired = new HashSet<>();
        for (FiredRule r : trace) {
            fired.add(r.requirement());
        }
        for (String id : mustFire) {
            if (!fired.contains(id)) {
                problems.add("rule " + id + " did not fire");
            }
        }
        for (String id : mustNotFire) {
            if (fired.contains(id)) {
                problems.add("rule " + id + " fired");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n--- decision:\n"
                    + printer.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
    }

    static TenantView tenantView(Path file, GoldenCaseFile golden, GoldenCaseFile.Case c) throws IOException {
        JsonNode doc = YAML.readTree(file.getParent().resolve(golden.tenant).toFile());
        doc = merge(doc, golden.tenantPatch);
        doc = merge(doc, c.tenantPatch);
        Tenant tenant = new TenantYaml().read(YAML.writeValueAsString(doc));
        // Every tenant a case runs on, patches included, must be one the store would accept.
        List<Violation> violations = VALIDATOR.validate(tenant, Optional.empty());
        if (!violations.isEmpty()) {
            fail("the tenant of this case is not valid: " + violations);
        }
        return TenantViewBuilder.build(tenant);
    }

    static JsonNode merge(JsonNode base, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return base;
        }
        if (!(base instanceof ObjectNode) || !patch.isObject()) {
            return patch;
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    static CallAttempt attempt(GoldenCaseFile.Attempt a, ZoneId zone) {
        CallAttempt.Builder b = "device".equals(a.from)
                ? CallAttempt.fromDevice(a.callerExtension, a.channel, a.dialled)
                : CallAttempt.fromTrunk(a.caller, a.dialled);
        if (a.deviceType != null) {
            b.deviceType(DeviceType.valueOf(a.deviceType));
        }
        if ((a.time == null) == (a.instant == null)) {
            throw new IllegalArgumentException("an attempt needs exactly one of time (local) and instant (absolute)");
        }
        b.time(a.instant != null ? OffsetDateTime.parse(a.instant).toInstant()
                : LocalDateTime.parse(a.time).atZone(zone).toInstant());
        return b.sourceIp(a.sourceIp).lastLoginIp(a.lastLoginIp).busyUsers(Set.copyOf(a.busy))
                .unreachableDevices(Set.copyOf(a.unreachable)).roamingUsers(Set.copyOf(a.roaming))
                .callLimitCalls(a.callLimitCalls).callerExternalCalls(a.externalCalls)
                .resume(a.resumeAt, a.digits, a.resumePrefix).build();
    }

    /** Expected is a subset of actual: objects by key, arrays element by element, values by text. */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = actual == null ? null : actual.get(e.getKey());
                if (e.getValue().isNull()) {
                    if (a != null && !a.isNull()) {
                        problems.add(path + "/" + e.getKey() + ": expected absent, was " + a);
                    }
                } else if (a == null || a.isNull()) {
                    problems.add(path + "/" + e.getKey() + ": missing, expected " + e.getValue());
                } else {
                    compare(path + "/" + e.getKey(), e.getValue(), a, problems);
                }
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                problems.add(path + ": expected " + expected.size() + " element(s), was " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
            }
        } else if (actual == null || !expected.asText().equals(actual.asText())) {
            problems.add(path + ": expected " + expected.asText() + ", was " + (actual == null ? "nothing" : actual.asText()));
        }
    }
}
