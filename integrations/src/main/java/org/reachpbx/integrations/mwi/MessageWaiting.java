package org.reachpbx.integrations.mwi;

import java.util.List;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.integrations.voicemail.Box;
import org.reachpbx.integrations.voicemail.VoicemailBoxes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Message waiting (RFC 3842) for personal mailboxes: when a box's counts change, an MWI message is
 * queued in the outbox; when it is sent, the counts are read afresh, so a late or repeated NOTIFY
 * always tells the current state. Voicemail extensions have no phones of their own and get none.
 */
@Service
public class MessageWaiting {

    private final VoicemailBoxes boxes;
    private final VoicemailMessageRepository messages;
    private final org.reachpbx.integrations.outbox.Outbox outbox;
    private final ObjectProvider<RegistrationDirectory> registrations;
    private final ObjectProvider<MailboxWatchers> watchers;

    public MessageWaiting(VoicemailBoxes boxes, VoicemailMessageRepository messages,
                          org.reachpbx.integrations.outbox.Outbox outbox,
                          ObjectProvider<RegistrationDirectory> registrations,
                          ObjectProvider<MailboxWatchers> watchers) {
        this.boxes = boxes;
        this.messages = messages;
        this.outbox = outbox;
        this.registrations = registrations;
        this.watchers = watchers;
    }

    /**
     * The counts of {@code box} changed: queue an update. Every change gets its own: skipping one
     * because another waits could lose the last change when that other one is being sent right now
     * with the counts read before this change committed.
     */
    @Transactional
    public void changed(long tenantId, String boxNumber) {
        Box box = boxes.find(tenantId, boxNumber).orElse(null);
        if (box == null || !box.personal()) {
            return;
        }
        OutboxMessage m = new OutboxMessage();
        m.setTenantId(tenantId);
        m.setChannel(OutboxChannel.MWI);
        m.setDestination(box.account());
        m.setBox(boxNumber);
        outbox.enqueue(m);
        MailboxWatchers w = watchers.getIfAvailable();
        if (w != null) {
            afterCommit(() -> w.changed(tenantId, boxNumber));
        }
    }

    /**
     * Subscribed phones hear of the change in their dialog once it is committed (so the counts they
     * are sent are the new ones), at once: not behind the outbox's queue of e-mails and SMS.
     */
    private static void afterCommit(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            task.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                task.run();
            }
        });
    }

    /**
     * A phone of the box's user registered (a new contact, not a refresh): queue the current state
     * for that phone alone, so it neither waits for the user's other phones nor makes them get a
     * NOTIFY they do not need. Nothing is queued when the contact is not registered (any more).
     */
    @Transactional
    public void registered(long tenantId, String boxNumber, String contact) {
        Box box = boxes.find(tenantId, boxNumber).orElse(null);
        if (box == null || !box.personal() || contact == null || !devices(tenantId, boxNumber).contains(contact)) {
            return;
        }
        OutboxMessage m = new OutboxMessage();
        m.setTenantId(tenantId);
        m.setChannel(OutboxChannel.MWI);
        m.setDestination(box.account());
        m.setBox(boxNumber);
        m.setTarget(contact);
        outbox.enqueue(m);
    }

    /**
     * Where the NOTIFY of this MWI message goes now: its one phone if it still is registered (an
     * expired registration gets nothing), else all the user's registered phones.
     */
    public List<String> targets(OutboxMessage m) {
        List<String> registered = devices(m.getTenantId(), m.getBox());
        if (m.getTarget() == null) {
            return registered;
        }
        return registered.contains(m.getTarget()) ? List.of(m.getTarget()) : List.of();
    }

    /** The box's current summary. */
    @Transactional(readOnly = true)
    public MessageSummary summary(long tenantId, String boxNumber, String account) {
        return new MessageSummary(account,
                messages.countByTenantIdAndBoxAndState(tenantId, boxNumber, VoicemailState.NEW),
                messages.countByTenantIdAndBoxAndState(tenantId, boxNumber, VoicemailState.OLD));
    }

    /** Where the box owner's phones are registered now; none without a registrar. */
    public List<String> devices(long tenantId, String userExtension) {
        RegistrationDirectory directory = registrations.getIfAvailable();
        return directory == null ? List.of() : directory.contactsOf(tenantId, userExtension);
    }
}
