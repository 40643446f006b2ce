package org.reachpbx.integrations.voicemail;

import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.integrations.NoSuchResourceException;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of a box: list, read, play, mark old, delete. Every change of a box's counts
 * queues a message-waiting update for the box's phones in the same transaction.
 */
@Service
public class VoicemailMessages {

    private final VoicemailMessageRepository messages;
    private final VoicemailAudioStore audio;
    private final VoicemailBoxes boxes;
    private final MessageWaiting messageWaiting;

    public VoicemailMessages(VoicemailMessageRepository messages, VoicemailAudioStore audio, VoicemailBoxes boxes,
                             MessageWaiting messageWaiting) {
        this.messages = messages;
        this.audio = audio;
        this.boxes = boxes;
        this.messageWaiting = messageWaiting;
    }

    /** Newest first; {@code state} null means all. */
    @Transactional(readOnly = true)
    public List<VoicemailMessage> list(long tenantId, String box, VoicemailState state) {
        boxes.require(tenantId, box);
        return state == null ? messages.findByTenantIdAndBoxOrderByReceivedAtDescIdDesc(tenantId, box)
                : messages.findByTenantIdAndBoxAndStateOrderByReceivedAtDescIdDesc(tenantId, box, state);
    }

    @Transactional(readOnly = true)
    public VoicemailMessage get(long tenantId, String box, long id) {
        boxes.require(tenantId, box);
        return messages.findByIdAndTenantIdAndBox(id, tenantId, box)
                .orElseThrow(() -> new NoSuchResourceException("box " + box + " has no message " + id));
    }

    @Transactional(readOnly = true)
    public byte[] audio(long tenantId, String box, long id) {
        VoicemailMessage m = get(tenantId, box, id);
        return audio.load(m).orElseThrow(() -> new NoSuchResourceException("the audio of message " + id + " is missing"));
    }

    @Transactional
    public VoicemailMessage markOld(long tenantId, String box, long id) {
        VoicemailMessage m = get(tenantId, box, id);
        if (m.getState() != VoicemailState.OLD) {
            m.setState(VoicemailState.OLD);
            messageWaiting.changed(tenantId, box);
        }
        return m;
    }

    @Transactional
    public void delete(long tenantId, String box, long id) {
        remove(get(tenantId, box, id));
    }

    /**
     * Deletes a message whose e-mail the SMTP server accepted (VM-04). A message already deleted
     * by hand is no error.
     */
    @Transactional
    public void deleteAfterEmail(long tenantId, long id) {
        Optional<VoicemailMessage> m = messages.findById(id).filter(x -> x.getTenantId() == tenantId);
        m.ifPresent(this::remove);
    }

    private void remove(VoicemailMessage m) {
        audio.delete(m);
        messages.delete(m);
        messages.flush();
        messageWaiting.changed(m.getTenantId(), m.getBox());
    }
}
