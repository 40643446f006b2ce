package org.reachpbx.directory.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reachpbx.directory.DirectoryTestApplication;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.testdata.LargeTenantGenerator;
import org.reachpbx.directory.yaml.TenantYaml;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import of the large generated tenant (1,000 users, 200 company numbers; about 2.7 MB of YAML)
 * into the embedded H2 database: parse, validate, hash secrets, write in one transaction.
 * <ul>
 *   <li>{@code firstImport}: the first import in a fresh JVM (a server that was just started);
 *       one shot per fork.</li>
 *   <li>{@code warmImport}: later imports, once the JIT has compiled the import path.</li>
 * </ul>
 * Each import creates a new tenant, so the database grows during a run as it would in use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TenantImportBenchmark {

    private ConfigurableApplicationContext context;
    private TenantStore store;
    private String document;
    private int run;

    @Setup(Level.Trial)
    public void start() {
        SpringApplication app = new SpringApplication(DirectoryTestApplication.class);
        app.setDefaultProperties(Map.of("spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "logging.level.root", "WARN"));
        context = app.run();
        store = context.getBean(TenantStore.class);
        document = context.getBean(TenantYaml.class).write(LargeTenantGenerator.generate("Large BV", 1000, 200));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    private String nextDocument() {
        run++;
        return document.replace("name: Large BV", "name: Large BV " + run)
                .replace("sipDomain: large-bv.reachpbx.test", "sipDomain: large-bv-" + run + ".reachpbx.test");
    }

    @Benchmark
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public TenantStore.Saved firstImport() {
        return store.importYaml(nextDocument());
    }

    @Benchmark
    @Fork(1)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public TenantStore.Saved warmImport() {
        return store.importYaml(nextDocument());
    }
}
