package org.reachpbx.integrations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.DueMessage;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backlog in the outbox does not starve newer messages that are due (issue 17): neither a
 * backlog waiting out its retry backoff nor one that is due but waits for a busy peer (one message
 * per peer at a time) hides an e-mail that is due behind it, however many messages it has (more
 * than one page of them here).
 * <p>
 * The outbox here runs on a fixed clock in the year 2100 and its messages are due from 2099 on,
 * so the application's own outbox poller (on the real clock) never sees them due: what is read
 * and started is decided by the test alone, no sleeps.
 */
class OutboxBacklogTest extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
    /** More than the page the outbox reads at once (batch size x 10). */
    private static final int BACKLOG = 1200;

    @Autowired
    OutboxMessageRepository messages;
    @Autowired
    IntegrationsProperties properties;

    private OutboxDispatcher dispatcher;
    private final CountDownLatch peerAnswers = new CountDownLatch(1);

    @AfterEach
    void endDeliveriesAndSetTheBacklogAside() {
        peerAnswers.countDown();
        if (dispatcher != null) {
            dispatcher.stop();
        }
        jdbc.update("update outbox_message set state = 'DEAD' where state = 'PENDING'");
    }

    private Outbox outboxAt(Instant now) {
        return new Outbox(messages, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The dead phone's message waiting indications, created before the e-mail, due from {@code dueFrom}. */
    private List<Long> backlogForOnePhone(Instant dueFrom) {
        List<OutboxMessage> backlog = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            OutboxMessage m = new OutboxMessage();
            m.setTenantId(demo);
            m.setChannel(OutboxChannel.MWI);
            m.setBox("204");
            m.setDestination("204");
            m.setTarget("sip:204@127.0.0.1:9");
            m.setIdempotencyKey(UUID.randomUUID().toString());
            m.setCreatedAt(NOW.minus(Duration.ofDays(1)));
            m.setNextAttemptAt(dueFrom.plusMillis(i));
            backlog.add(m);
        }
        return messages.saveAll(backlog).stream().map(OutboxMessage::getId).toList();
    }

    /** An e-mail enqueued a second ago: due now. */
    private long emailDueNow() {
        OutboxMessage mail = new OutboxMessage();
        mail.setTenantId(demo);
        mail.setChannel(OutboxChannel.EMAIL);
        mail.setDestination("anna@example.net");
        mail.setSubject("Outbox backlog test");
        mail.setBody("due behind a backlog");
        return outboxAt(NOW.minusSeconds(1)).enqueue(mail).getId();
    }

    private static List<Long> ids(Iterable<DueMessage> due) {
        List<Long> ids = new ArrayList<>();
        due.forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void aBacklogWaitingForItsRetryDoesNotHideAMessageThatIsDue() {
        List<Long> backlog = backlogForOnePhone(NOW.plus(Duration.ofMinutes(5)));
        long mail = emailDueNow();

        assertThat(ids(outboxAt(NOW).due())).as("only what is due is read").contains(mail)
                .doesNotContainAnyElementsOf(backlog);
    }

    @Test
    void aBacklogDueForABusyPeerDoesNotHideAnotherPeersMessageThatIsDue() throws Exception {
        List<Long> backlog = backlogForOnePhone(NOW.minus(Duration.ofHours(1)));
        long mail = emailDueNow();
        dispatcher = new OutboxDispatcher(properties);
        BlockingQueue<Long> delivering = new LinkedBlockingQueue<>();

        // the phone's first message keeps its peer busy (no answer yet); the rest of its backlog waits
        int started = dispatcher.dispatch(outboxAt(NOW).due(), id -> {
            delivering.add(id);
            try {
                peerAnswers.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(started).as("one of the phone's messages and the e-mail").isEqualTo(2);
        List<Long> inDelivery = new ArrayList<>();
        inDelivery.add(delivering.poll(5, TimeUnit.SECONDS));
        inDelivery.add(delivering.poll(5, TimeUnit.SECONDS));
        assertThat(inDelivery).contains(mail, backlog.get(0));
        List<Long> due = ids(outboxAt(NOW).due());
        assertThat(due).as("every due message is read, oldest first").containsAll(backlog).contains(mail);
        assertThat(due.indexOf(mail)).isGreaterThan(due.indexOf(backlog.get(BACKLOG - 1)));
    }
}
