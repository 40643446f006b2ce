package org.reachpbx.directory.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.view.ServiceViewBuilder;
import org.reachpbx.directory.view.TenantViewBuilder;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceRequest;

/**
 * Runs the service golden cases in testdata/golden/services (see its README.md): builds the tenant
 * and service views from YAML as {@link GoldenCaseTest} does, decides the request with the real
 * service rules and compares the decision with the expectation (reusing GoldenCaseTest's compare
 * and merge).
 */
class ServiceGoldenCaseTest {
    static final Path GOLDEN = Path.of("../testdata/golden/services");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).findAndRegisterModules();
    /** Dates as ISO text, so expectations read like the manual. */
    static final ObjectMapper OUT = GoldenCaseTest.JSON.copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final ServiceEngine ENGINE = new ServiceEngine();

    /** Every requirement the service rules implement must have a golden case. */
    static final List<String> REQUIREMENTS = List.of("NP-17", "NP-18", "NP-19", "NP-20", "NP-21", "GEN-01", "GEN-02",
            "GEN-03", "GEN-04", "GEN-05", "GEN-06", "GEN-07", "PRV-03", "PRV-04", "PRV-05", "PRV-06", "PRV-07", "GRP-08",
            "PARK-01", "PARK-02", "PARK-03", "PARK-04", "PARK-05", "LSN-01", "LSN-02", "LSN-04", "USR-02", "USR-04", "USR-05", "USR-06",
            "USR-07", "USR-10", "USR-11", "CH-04", "SYSNUM-02", "ASG-05", "ASG-06");

    public static class CaseFile {
        public String tenant;
        public JsonNode tenantPatch;
        public List<Case> cases = new ArrayList<>();
    }

    public static class Case {
        public String name;
        public List<String> covers = new ArrayList<>();
        public JsonNode request;
        public JsonNode expect;
        public List<String> fired = new ArrayList<>();
        public List<String> notFired = new ArrayList<>();
        public JsonNode tenantPatch;
        /** Patches merged over single users of the tenant, by extension number (lists cannot be merged). */
        public java.util.Map<String, JsonNode> userPatches = java.util.Map.of();
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> serviceGoldenCases() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files()) {
            CaseFile golden = YAML.readValue(file.toFile(), CaseFile.class);
            List<DynamicNode> tests = new ArrayList<>();
            for (Case c : golden.cases) {
                tests.add(DynamicTest.dynamicTest(c.name, () -> run(file, golden, c)));
            }
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    @Test
    void serviceGoldenSetCoversTheServiceRules() throws IOException {
        int count = 0;
        Set<String> covered = new HashSet<>();
        for (Path p : files()) {
            CaseFile f = YAML.readValue(p.toFile(), CaseFile.class);
            count += f.cases.size();
            f.cases.forEach(c -> covered.addAll(c.covers));
        }
        assertThat(count).as("service golden cases").isGreaterThanOrEqualTo(40);
        assertThat(covered).as("requirements covered by service golden cases").containsAll(REQUIREMENTS);
    }

    static void run(Path file, CaseFile golden, Case c) throws Exception {
        JsonNode doc = YAML.readTree(file.getParent().resolve(golden.tenant).toFile());
        doc = GoldenCaseTest.merge(doc, golden.tenantPatch);
        doc = GoldenCaseTest.merge(doc, c.tenantPatch);
        if (!c.userPatches.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode users = YAML.createArrayNode();
            for (JsonNode u : doc.get("users")) {
                users.add(GoldenCaseTest.merge(u, c.userPatches.get(u.get("number").asText())));
            }
            doc = ((com.fasterxml.jackson.databind.node.ObjectNode) doc).set("users", users);
        }
        Tenant tenant = new TenantYaml().read(YAML.writeValueAsString(doc));
        ServiceRequest request = YAML.treeToValue(c.request, ServiceRequest.class);
        ServiceDecision decision = ENGINE.decide(request, TenantViewBuilder.build(tenant),
                ServiceViewBuilder.build(tenant), Clock.systemUTC());
        JsonNode actual = OUT.valueToTree(decision);
        GoldenCaseTest.check(c.expect, c.fired, c.notFired, actual, decision.trace(), OUT);
    }
}
