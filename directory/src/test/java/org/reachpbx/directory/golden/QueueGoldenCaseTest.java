package org.reachpbx.directory.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reachpbx.directory.view.TenantViewBuilder;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.queue.QueueDecision;
import org.reachpbx.rules.queue.QueueEngine;
import org.reachpbx.rules.queue.QueueState;
import org.reachpbx.rules.queue.QueueView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.TenantView;

/**
 * Runs every queue golden case in testdata/golden/queue (format: its README.md): builds the tenant
 * view from YAML, the queue's {@link QueueView} from the view, the {@link QueueState} from the
 * case, decides with the real queue rules, and compares with the expectation.
 */
class QueueGoldenCaseTest {
    static final Path QUEUE_GOLDEN = GoldenCaseTest.GOLDEN.resolve("queue");
    static final Instant DEFAULT_NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final QueueEngine ENGINE = new QueueEngine();

    /** Every [rules] requirement of chapter 13, and FWD-02. */
    static final List<String> REQUIREMENTS = List.of("QUE-04", "QUE-05", "QUE-07", "QUE-08", "QUE-09", "QUE-10",
            "QUE-11", "QUE-14", "QUE-15", "QUE-16", "QUE-17", "QUE-18", "QUE-19", "QUE-20", "QUE-21", "QUE-22",
            "QUE-23", "QUE-24", "QUE-25", "QUE-29", "QUE-30", "QUE-31", "QUE-33", "QUE-34", "QUE-35", "QUE-36",
            "QUE-37", "QUE-38", "FWD-02");

    public static class CaseFile {
        public String tenant;
        public String queue;
        public List<Case> cases = new ArrayList<>();
    }

    public static class Case {
        public String name;
        public String queue;
        public List<String> covers = new ArrayList<>();
        public JsonNode tenantPatch;
        public JsonNode queuePatch;
        public State state = new State();
        public JsonNode expect;
        public List<String> fired = new ArrayList<>();
        public List<String> notFired = new ArrayList<>();
    }

    public static class State {
        public String now;
        public String arriving;
        public List<Caller> waiting = new ArrayList<>();
        public List<Agent> agents = new ArrayList<>();
        public String lastOffered;
        public String login;
        public String logout;
        public long seed;
    }

    /** A waiting caller; times in seconds before now. */
    public static class Caller {
        public String id;
        public long waited;
        public boolean intro;
        public boolean infotainment;
        public String keyed;
        public List<String> tried = new ArrayList<>();
    }

    /** An agent; times in seconds before now (null = never). */
    public static class Agent {
        public String ext;
        public boolean loggedIn = true;
        public int calls;
        public boolean ringing;
        public Long callEnded;
        public Long offered;
        public int answered;
        public long talk;
        public boolean reachable = true;
        public List<Other> otherQueues = new ArrayList<>();
    }

    public static class Other {
        public String queue;
        public int weight = 50;
        public boolean emergency;
        public long waited;
    }

    @TestFactory
    Stream<DynamicNode> queueGoldenCases() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files()) {
            CaseFile golden = GoldenCaseTest.YAML.readValue(file.toFile(), CaseFile.class);
            List<DynamicNode> tests = new ArrayList<>();
            for (Case c : golden.cases) {
                tests.add(DynamicTest.dynamicTest(c.name, () -> run(file, golden, c)));
            }
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    /** At least 40 cases, covering every [rules] requirement of the queue. */
    @Test
    void queueGoldenSetCoversTheQueueRules() throws IOException {
        int count = 0;
        Set<String> covered = new HashSet<>();
        for (Path file : files()) {
            CaseFile f = GoldenCaseTest.YAML.readValue(file.toFile(), CaseFile.class);
            count += f.cases.size();
            f.cases.forEach(c -> covered.addAll(c.covers));
        }
        assertThat(count).as("queue golden cases").isGreaterThanOrEqualTo(40);
        assertThat(covered).as("requirements covered by queue golden cases").containsAll(REQUIREMENTS);
        assertThat(covered).as("requirements named by the queue rules").containsAll(queueRuleRequirements());
    }

    /** The requirement IDs named by the queue DRL rules (the first word of each rule name). */
    static Set<String> queueRuleRequirements() throws IOException {
        Set<String> ids = new TreeSet<>();
        Pattern rule = Pattern.compile("^rule \"([A-Z]+-[A-Z0-9]+) ", Pattern.MULTILINE);
        try (Stream<Path> s = Files.list(Path.of("../rules/src/main/resources/org/reachpbx/rules/queue"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = rule.matcher(Files.readString(p));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(QUEUE_GOLDEN)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static void run(Path file, CaseFile golden, Case c) throws Exception {
        String queueNumber = c.queue != null ? c.queue : golden.queue;
        TenantView view = tenantView(file, golden, c, queueNumber);
        QueueView queue = QueueView.from((MediaExtensionView) view.extension(queueNumber));
        QueueDecision decision = ENGINE.decide(state(c.state), queue, view, Clock.systemUTC());
        JsonNode actual = GoldenCaseTest.JSON.valueToTree(decision);
        GoldenCaseTest.check(c.expect, c.fired, c.notFired, actual, decision.trace(), GoldenCaseTest.JSON);
    }

    /** The tenant with the case's tenant patch, and its queue patch merged into the queue's entry. */
    static TenantView tenantView(Path file, CaseFile golden, Case c, String queueNumber) throws IOException {
        JsonNode doc = GoldenCaseTest.YAML.readTree(file.getParent().resolve(golden.tenant).toFile());
        doc = GoldenCaseTest.merge(doc, c.tenantPatch);
        if (c.queuePatch != null) {
            ArrayNode queues = (ArrayNode) doc.get("queues");
            for (int i = 0; i < queues.size(); i++) {
                if (queueNumber.equals(queues.get(i).get("number").asText())) {
                    queues.set(i, GoldenCaseTest.merge(queues.get(i), c.queuePatch));
                }
            }
            ((ObjectNode) doc).set("queues", queues);
        }
        return TenantViewBuilder.build(new TenantYaml().read(GoldenCaseTest.YAML.writeValueAsString(doc)));
    }

    static QueueState state(State s) {
        Instant now = s.now == null ? DEFAULT_NOW : Instant.parse(s.now);
        List<QueueState.Caller> waiting = s.waiting.stream().map(w -> new QueueState.Caller(w.id,
                now.minusSeconds(w.waited), w.intro, w.infotainment, w.keyed, w.tried)).toList();
        List<QueueState.Agent> agents = s.agents.stream().map(a -> new QueueState.Agent(a.ext, a.loggedIn, a.calls,
                a.ringing, ago(now, a.callEnded), ago(now, a.offered), a.answered, a.talk, a.reachable,
                a.otherQueues.stream().map(o -> new QueueState.OtherQueueCall(o.queue, o.weight, o.emergency,
                        now.minusSeconds(o.waited))).toList())).toList();
        return new QueueState(now, s.arriving == null ? null : QueueState.Caller.arriving(s.arriving), waiting, agents,
                s.lastOffered, s.login, s.logout, s.seed);
    }

    private static Instant ago(Instant now, Long seconds) {
        return seconds == null ? null : now.minusSeconds(seconds);
    }
}
