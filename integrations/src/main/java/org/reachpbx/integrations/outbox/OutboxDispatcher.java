package org.reachpbx.integrations.outbox;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.reachpbx.directory.integrations.DueMessage;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.stereotype.Component;

/**
 * Hands due messages to a bounded pool of senders, at most one message per peer at a time. A peer
 * that does not answer (a phone that is gone, a webhook endpoint that hangs) keeps one sender busy
 * until its timeout; messages to other peers go out meanwhile. One at a time per peer also keeps
 * a peer's messages in order and does not pile retries onto a peer that is struggling.
 * <p>
 * Nothing here is the record of what is to be delivered: a message is taken (leased) in the
 * database when its sender starts, and is due again when the lease ends if the sender never
 * reported an outcome (a crash, a shutdown), so every message stays until it was delivered.
 */
@Component
public class OutboxDispatcher {

    private final int concurrency;
    private final int batchSize;
    private final Semaphore senders;
    private final Set<String> busyPeers = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;

    public OutboxDispatcher(IntegrationsProperties properties) {
        this.concurrency = Math.max(1, properties.getOutbox().getConcurrency());
        this.batchSize = Math.max(1, properties.getOutbox().getBatchSize());
        this.senders = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "outbox-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the delivery of the due messages whose peers are idle, while senders are free, at most
     * one batch; {@code deliver} takes the message and makes one attempt. Returns how many started.
     */
    public int dispatch(Iterable<DueMessage> due, LongConsumer deliver) {
        int started = 0;
        for (DueMessage m : due) {
            // read no further than needed: the due messages are read a page at a time as this goes
            if (started >= batchSize || senders.availablePermits() == 0) {
                break;
            }
            String peer = peerOf(m);
            if (!busyPeers.add(peer)) {
                continue;
            }
            if (!senders.tryAcquire()) {
                busyPeers.remove(peer);
                break;
            }
            try {
                pool.execute(() -> {
                    try {
                        deliver.accept(m.id());
                    } finally {
                        busyPeers.remove(peer);
                        senders.release();
                    }
                });
                started++;
            } catch (RuntimeException rejected) {
                busyPeers.remove(peer);
                senders.release();
                break;
            }
        }
        return started;
    }

    /** Messages in delivery now. */
    public int inFlight() {
        return concurrency - senders.availablePermits();
    }

    /**
     * Who receives the message: all e-mail goes to the one SMTP server and all SMS to the one SMSC;
     * each webhook endpoint and each phone (or, for a NOTIFY to all of a user's phones, each user)
     * is a peer of its own.
     */
    static String peerOf(DueMessage m) {
        return switch (m.channel()) {
            case EMAIL -> "email";
            case SMS -> "sms";
            case WEBHOOK -> "webhook:" + (m.webhookEndpointId() != null ? m.webhookEndpointId() : m.destination());
            case MWI -> "mwi:" + m.tenantId() + ":" + (m.target() != null ? m.target() : m.destination());
        };
    }

    @PreDestroy
    void stop() {
        // Messages in delivery keep their lease and are taken again after a restart.
        pool.shutdownNow();
    }
}
