package org.reachpbx.server.sip.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time scheduling for the RTP reader threads ({@code pbx.media.reader-priority}), as media
 * servers do for their packet threads (FreeSWITCH {@code -rp}, Asterisk {@code -p}). At a few hundred
 * relayed calls a reader is always busy, so the kernel's fair scheduler treats it like any CPU-bound
 * thread and lets it wait its turn behind the others (tens of milliseconds on a busy host): relayed
 * packets then leave in bursts. {@code SCHED_FIFO} lets a reader run as soon as a packet waits
 * (docs/performance.md "Relayed calls"). The JDK cannot set a thread's policy, so the threads are
 * found by name in {@code /proc/self/task} and given the policy with util-linux {@code chrt}; that
 * needs {@code CAP_SYS_NICE} (root, or {@code AmbientCapabilities=CAP_SYS_NICE} in a systemd unit).
 * Without it the server runs as before and says so once.
 */
final class ReaderPriority {

    private static final Logger log = LoggerFactory.getLogger(ReaderPriority.class);
    /** The readers' thread names as the kernel keeps them (15 characters of "media-rtp-reader-N"). */
    static final String READER_COMM = "media-rtp-reade";

    private ReaderPriority() {
    }

    /** Gives every RTP reader thread {@code SCHED_FIFO} at {@code priority} (1–99); the number that got it. */
    static int apply(int priority) {
        int done = 0;
        for (String tid : readerThreads()) {
            if (chrt(priority, tid)) {
                done++;
            }
        }
        if (done > 0) {
            log.info("RTP reader threads: {} at real-time priority {} (SCHED_FIFO)", done, priority);
        }
        return done;
    }

    /** The kernel thread ids of this process's RTP reader threads (empty where there is no /proc). */
    static List<String> readerThreads() {
        List<String> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip().equals(READER_COMM)) {
                        tids.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            log.warn("pbx.media.reader-priority: cannot list this process's threads ({}); readers keep normal scheduling",
                    e.getMessage());
        }
        return tids;
    }

    private static boolean chrt(int priority, String tid) {
        try {
            Process p = new ProcessBuilder("chrt", "-f", "-p", Integer.toString(priority), tid)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            log.warn("pbx.media.reader-priority: chrt refused thread {} ({}); it needs CAP_SYS_NICE", tid, out);
        } catch (IOException e) {
            log.warn("pbx.media.reader-priority: chrt (util-linux) not usable: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
