package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaConfig;
import org.reachpbx.media.engine.RtpMediaEngine;

/** {@code pbx.media.reader-priority}: the RTP reader threads, and only they, run SCHED_FIFO afterwards. */
class ReaderPriorityTest {

    @Test
    void theReaderThreadsGetRealTimeSchedulingAndNoOtherThreadDoes() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        assumeTrue("root".equals(System.getProperty("user.name")), "CAP_SYS_NICE (CI runs as root)");
        try (RtpMediaEngine engine = new RtpMediaEngine(MediaConfig.loopback(36100, 36199).withIoThreads(2))) {
            List<String> readers = ReaderPriority.readerThreads();
            assertThat(readers).hasSizeGreaterThanOrEqualTo(2);

            assertThat(ReaderPriority.apply(7)).isEqualTo(readers.size());

            for (String tid : readers) {
                assertThat(schedLine(tid, "policy")).as("thread %s", tid).endsWith(" 1"); // SCHED_FIFO
                assertThat(schedLine(tid, "prio")).as("thread %s", tid).endsWith(" " + (99 - 7));
            }
            assertThat(schedLine(String.valueOf(ProcessHandle.current().pid()), "policy"))
                    .as("the rest of the process keeps normal scheduling").endsWith(" 0");
        } finally {
            // the other test contexts' readers in this JVM share the name: back to normal scheduling
            for (String tid : ReaderPriority.readerThreads()) {
                new ProcessBuilder("chrt", "-o", "-p", "0", tid).start().waitFor();
            }
        }
    }

    /** A line of /proc/self/task/{tid}/sched, e.g. "policy : 1". */
    private static String schedLine(String tid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/task", tid, "sched"), StandardCharsets.US_ASCII).stream()
                .filter(l -> l.startsWith(field + " ") || l.startsWith(field + "\t")).findFirst().orElse("").strip();
    }
}
