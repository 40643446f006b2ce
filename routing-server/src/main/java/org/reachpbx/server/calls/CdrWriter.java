package org.reachpbx.server.calls;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.server.sip.b2bua.CallRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes call detail records off the SIP threads: the B2BUA queues each record (never blocking),
 * one thread stores them in batches of up to {@value #BATCH} per transaction. A full queue drops
 * the new record and counts it, as the call matters more than its record; a failed batch is
 * retried once, then counted as lost. A clean shutdown writes whatever is still queued.
 */
public class CdrWriter implements CallRecorder {

    private static final Logger log = LoggerFactory.getLogger(CdrWriter.class);
    static final int BATCH = 200;

    private final CallDetailRecordRepository records;
    private final TransactionTemplate transactions;
    private final BlockingQueue<CallDetailRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean stopping;
    private volatile long lastDropWarning;
    private volatile io.micrometer.core.instrument.MeterRegistry meters;

    public CdrWriter(CallDetailRecordRepository records, PlatformTransactionManager transactions, int capacity) {
        this(records, transactions, capacity, true);
    }

    /** {@code start=false} leaves the writing thread off: tests fill the queue and then flush it. */
    CdrWriter(CallDetailRecordRepository records, PlatformTransactionManager transactions, int capacity,
              boolean start) {
        this.records = records;
        this.transactions = new TransactionTemplate(transactions);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "cdr-writer");
        writer.setDaemon(true);
        if (start) {
            writer.start();
        }
    }

    /** Counts the calls that ended by disposition and type, and shows the queue (docs/operations.md). */
    public void meter(io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        io.micrometer.core.instrument.Gauge.builder("pbx.cdr.queued", queue, java.util.Collection::size)
                .description("call records waiting to be written").register(meters);
        io.micrometer.core.instrument.FunctionCounter.builder("pbx.cdr.dropped", dropped, AtomicLong::get)
                .description("call records dropped because the queue was full").register(meters);
        io.micrometer.core.instrument.FunctionCounter.builder("pbx.cdr.failed", failed, AtomicLong::get)
                .description("call records the database refused twice").register(meters);
        io.micrometer.core.instrument.FunctionCounter.builder("pbx.cdr.written", written, AtomicLong::get)
                .description("call records stored").register(meters);
    }

    @Override
    public void record(CallDetailRecord record) {
        io.micrometer.core.instrument.MeterRegistry m = meters;
        if (m != null) {
            m.counter("pbx.calls.ended", "disposition", record.getDisposition().name(),
                    "type", record.getCallType().name()).increment();
        }
        if (stopping || !queue.offer(record)) {
            long n = dropped.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastDropWarning > TimeUnit.SECONDS.toNanos(10)) {
                lastDropWarning = now;
                log.warn("Call records come faster than the database takes them: {} dropped since start", n);
            }
        }
    }

    private void run() {
        List<CallDetailRecord> batch = new ArrayList<>(BATCH);
        while (!stopping) {
            try {
                CallDetailRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<CallDetailRecord> batch) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> records.saveAll(batch));
                written.addAndGet(batch.size());
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    failed.addAndGet(batch.size());
                    log.warn("{} call records could not be stored: {}", batch.size(), e.toString());
                } else {
                    batch.forEach(r -> {
                        r.setId(null);
                        r.getLegs().forEach(leg -> leg.setId(null));
                    });
                }
            }
        }
    }

    /** Stops taking records and writes what is queued; runs before the database goes away. */
    @PreDestroy
    public void flush() throws InterruptedException {
        stopping = true;
        if (writer.isAlive()) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        List<CallDetailRecord> rest = new ArrayList<>();
        while (queue.drainTo(rest, BATCH) > 0) {
            write(rest);
            rest.clear();
        }
    }

    /** Records dropped since start because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Records lost since start because the database refused them twice. */
    public long failed() {
        return failed.get();
    }

    public long written() {
        return written.get();
    }

    /** Records waiting to be written. */
    public int queued() {
        return queue.size();
    }
}
