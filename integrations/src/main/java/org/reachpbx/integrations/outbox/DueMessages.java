package org.reachpbx.integrations.outbox;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.reachpbx.directory.integrations.DueMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.springframework.data.domain.PageRequest;

/**
 * The messages due at one instant, oldest first, read a page at a time as the sender asks for
 * more. The sender skips the messages of peers that are busy (one message per peer at a time), so
 * however many due messages wait for one slow peer, reading on reaches the due messages of the
 * others behind them; it stops reading once it has started its batch.
 */
final class DueMessages implements Iterable<DueMessage> {

    private final OutboxMessageRepository messages;
    private final Instant now;
    private final int pageSize;

    DueMessages(OutboxMessageRepository messages, Instant now, int pageSize) {
        this.messages = messages;
        this.now = now;
        this.pageSize = Math.max(1, pageSize);
    }

    @Override
    public Iterator<DueMessage> iterator() {
        return new Iterator<>() {
            private List<DueMessage> page = messages.findDue(now, PageRequest.of(0, pageSize));
            private int next;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (page.size() < pageSize) {
                    return false; // the last page was not full: nothing more is due
                }
                DueMessage last = page.get(page.size() - 1);
                page = messages.findDueAfter(now, last.nextAttemptAt(), last.id(), PageRequest.of(0, pageSize));
                next = 0;
                return !page.isEmpty();
            }

            @Override
            public DueMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }
}
