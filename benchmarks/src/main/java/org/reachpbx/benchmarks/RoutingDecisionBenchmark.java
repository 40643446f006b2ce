package org.reachpbx.benchmarks;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reachpbx.directory.testdata.LargeTenantGenerator;
import org.reachpbx.directory.view.TenantViewBuilder;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.tables.TableCompiler;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.view.TenantView;

/**
 * {@code RoutingEngine.decide} on the generated 1,000-user tenant (4-digit plan, 200 company
 * numbers, 50 groups) with the full destination and region-group tables, for the three attempts
 * of issue 3: a call from outside to a number routed to a user, one routed to a group, and a user
 * dialling an international number. Sample mode gives the median and p99 per decision; add
 * {@code -prof gc} for the allocation per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RoutingDecisionBenchmark {

    private RoutingEngine engine;
    private TenantView view;
    private CallAttempt inboundToUser;
    private CallAttempt inboundToGroup;
    private CallAttempt outboundInternational;
    private final Clock clock = Clock.systemUTC();

    @Setup
    public void setUp() {
        AnalystTables tables = TableCompiler.compile("bench", TableSet.defaults());
        engine = new RoutingEngine(() -> tables);
        view = TenantViewBuilder.build(LargeTenantGenerator.generate("Bench BV", 1000, 200));
        // A Tuesday during office hours: plan 1 "Open" is active.
        var tuesday = LocalDateTime.of(2026, 11, 24, 10, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
        inboundToUser = CallAttempt.fromTrunk("0104567890", "0201000100").time(tuesday).build();
        inboundToGroup = CallAttempt.fromTrunk("0104567890", "0201000011").time(tuesday).build();
        outboundInternational = CallAttempt.fromDevice("2001", null, "0012125550123").time(tuesday).build();
        check(decide(inboundToUser), RoutingDecision.Outcome.RING, "inbound to user");
        check(decide(inboundToGroup), RoutingDecision.Outcome.RING, "inbound to group");
        check(decide(outboundInternational), RoutingDecision.Outcome.RING, "outbound international");
    }

    private RoutingDecision decide(CallAttempt attempt) {
        return engine.decide(attempt, view, clock);
    }

    private static void check(RoutingDecision d, RoutingDecision.Outcome expected, String what) {
        if (d.outcome() != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " but got " + d);
        }
    }

    @Benchmark
    public RoutingDecision inboundToUser() {
        return decide(inboundToUser);
    }

    @Benchmark
    public RoutingDecision inboundToGroup() {
        return decide(inboundToGroup);
    }

    @Benchmark
    public RoutingDecision outboundInternational() {
        return decide(outboundInternational);
    }
}
