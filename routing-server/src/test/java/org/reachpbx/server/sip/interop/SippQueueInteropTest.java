package org.reachpbx.server.sip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.server.queue.QueueEventLog;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * SIPp callers in a queue (issue 13): {@code testdata/sipp/queue-caller.xml} calls 0301300001
 * (queue 437 of {@code sip/queue-tenant.yaml}) from the trunk four times at two calls a second,
 * sending SIPp's {@code g711a.pcap} with {@code play_pcap_audio} while they wait; agents 211 and 212
 * are in-JVM phones that answer, talk two seconds and hang up, so callers wait for a free agent. The
 * scenario succeeds only when every call got the server's BYE after an agent's hang-up; the queue's
 * statistics then count four calls offered and answered, none abandoned. Skipped without
 * {@code sipp} and its captures (Debian package {@code sip-tester}); {@code .ci/run} installs it and
 * fails when this class was skipped.
 */
@TestPropertySource(properties = "pbx.sip.digest-algorithms=MD5,SHA-256")
@EnabledIf(value = "org.reachpbx.server.sip.interop.SippMediaInteropTest#sippInstalled",
        disabledReason = "sipp or /usr/share/sip-tester is missing (Debian package sip-tester): the SIPp queue test is skipped")
class SippQueueInteropTest extends InteropTestSupport {

    private static final String QUEUE_NUMBER = "0301300001";
    private static final int CALLERS = 4;

    @Autowired
    QueueLiveState queues;
    @Autowired
    QueueEventLog eventLog;
    @Autowired
    TestRestTemplate rest;

    long queueTenant;
    final List<Process> started = new ArrayList<>();
    final List<TestPhone> agents = new ArrayList<>();

    @BeforeEach
    void queueTenant() throws Exception {
        queueTenant = importTenant(store, views, "Queue Test BV", "sip/queue-tenant.yaml");
    }

    @Override
    void stopProcesses() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        started.clear();
    }

    @AfterEach
    void agentsGone() throws Exception {
        for (TestPhone a : agents) {
            a.register(0, "SHA-256");
            a.close();
        }
        agents.clear();
        QueueKey q = new QueueKey(queueTenant, "437");
        for (String a : queues.loggedIn(q)) {
            queues.logout(q, a);
        }
    }

    /** Agent {@code ext}: answers each queue call, talks two seconds and hangs up. */
    private TestPhone agent(String ext, AtomicInteger answered) throws Exception {
        TestPhone phone = new TestPhone("qch" + ext, "h13-queues.test", "pw-q" + ext + "-secret", server.port());
        agents.add(phone);
        assertThat(phone.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        phone.answering(TestPhone.Answering.ANSWER, 200);
        Thread talker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TestPhone.Incoming call = phone.incoming.poll(1, TimeUnit.SECONDS);
                    if (call != null && phone.acks.poll(10, TimeUnit.SECONDS) != null) {
                        answered.incrementAndGet();
                        Thread.sleep(2000);
                        call.hangUp();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "agent-" + ext);
        talker.setDaemon(true);
        talker.start();
        return phone;
    }

    @Test
    void severalSippCallersWaitWithAudioAndEachIsAnsweredByAnAgent() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        AtomicInteger answered = new AtomicInteger();
        agent("211", answered);
        agent("212", answered);
        queues.login(new QueueKey(queueTenant, "437"), "211");
        queues.login(new QueueKey(queueTenant, "437"), "212");

        Path dir = SippMediaInteropTest.workDir("queue-callers");
        Files.copy(SippMediaInteropTest.SIPP_PCAPS.resolve("g711a.pcap"), dir.resolve("message.pcap"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SippMediaInteropTest.expectSuccess(run(dir, 90, "-s", QUEUE_NUMBER, "-i", TRUNK_ADDRESS, "-p", TRUNK_PORT,
                "-mp", SippMediaInteropTest.freeMediaPort(TRUNK_ADDRESS), "-m", CALLERS, "-l", CALLERS, "-r", 2,
                "-recv_timeout", "60000"));

        assertThat(answered.get()).as("the agents answered every SIPp caller").isEqualTo(CALLERS);
        eventLog.flush();
        var r = rest.withBasicAuth("admin", "demo-admin").getForEntity("/api/tenants/" + queueTenant
                + "/queues/437/stats?interval=DAY&from=" + from + "&to=" + Instant.now().plusSeconds(60), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        var intervals = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBody()).get("intervals");
        var day = intervals.get(intervals.size() - 1);
        assertThat(day.get("offered").asInt()).as("QUE-39: offered").isEqualTo(CALLERS);
        assertThat(day.get("answered").asInt()).as("answered").isEqualTo(CALLERS);
        assertThat(day.get("abandoned").asInt()).as("abandoned").isZero();
    }

    private SippMediaInteropTest.Result run(Path dir, int timeoutSeconds, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf",
                SippInteropTest.testdata().resolve("queue-caller.xml").toString(), "127.0.0.1:" + server.port(),
                "-nostdin", "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        Files.deleteIfExists(dir.resolve("errors.log"));
        File out = dir.resolve("sipp.out").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out).start();
        started.add(p);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new SippMediaInteropTest.Result("queue-caller", -1,
                    "sipp did not finish within " + timeoutSeconds + " s\n" + SippMediaInteropTest.logs(dir));
        }
        return new SippMediaInteropTest.Result("queue-caller", p.exitValue(), SippMediaInteropTest.logs(dir));
    }
}
