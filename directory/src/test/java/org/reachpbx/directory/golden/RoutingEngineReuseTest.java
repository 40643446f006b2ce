package org.reachpbx.directory.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.view.TenantViewBuilder;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.tables.TableCompiler;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.view.TenantView;

/**
 * The engine reuses one rule-unit instance per thread: decisions must not leak into each other,
 * in sequence or on several threads at once.
 */
class RoutingEngineReuseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decisionsInSequenceAndInParallelAreIndependent() throws Exception {
        TenantView demo = TenantViewBuilder.build(new TenantYaml().read(Files.readString(Path.of("../testdata/tenants/demo.yaml"))));
        RoutingEngine engine = new RoutingEngine(() -> TableCompiler.compile("test", TableSet.defaults()));
        var tuesday = LocalDateTime.of(2026, 11, 24, 10, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
        List<CallAttempt> attempts = List.of(
                CallAttempt.fromTrunk("0049301234567", "0201110001").time(tuesday).build(),
                CallAttempt.fromDevice("202", "bakker-bureau", "0906123456").time(tuesday).build(),
                CallAttempt.fromTrunk("0101234567", "0201110000").time(tuesday).build(),
                CallAttempt.fromDevice("204", "devries-bureau", "300").time(tuesday).busyUsers(java.util.Set.of("201")).build());

        // Each decision on a fresh engine (a fresh session) is the reference.
        List<String> reference = new ArrayList<>();
        for (CallAttempt a : attempts) {
            RoutingEngine fresh = new RoutingEngine(() -> TableCompiler.compile("test", TableSet.defaults()));
            reference.add(JSON.writeValueAsString(fresh.decide(a, demo, Clock.systemUTC())));
        }

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < attempts.size(); i++) {
                assertThat(JSON.writeValueAsString(engine.decide(attempts.get(i), demo, Clock.systemUTC())))
                        .as("attempt %d in round %d", i, round).isEqualTo(reference.get(i));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    for (int n = 0; n < 200; n++) {
                        int i = n % attempts.size();
                        if (!JSON.writeValueAsString(engine.decide(attempts.get(i), demo, Clock.systemUTC()))
                                .equals(reference.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
