package org.reachpbx.integrations.voicemail;

import java.time.Clock;
import java.time.Instant;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.SmsBillingRecord;
import org.reachpbx.directory.integrations.SmsBillingRecordRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.directory.model.PhoneNumbers;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.InvalidInputException;
import org.reachpbx.integrations.events.CallEvent;
import org.reachpbx.integrations.events.CallEventPublisher;
import org.reachpbx.integrations.events.CallEventType;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.integrations.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaving a voicemail message: the entry point of the media engine (and, until it exists, of the
 * REST upload). In one transaction it stores the message and its audio and queues everything the
 * message causes: the e-mail (VM-04), the SMS with its billing record (VM-05), the message-waiting
 * update for the user's phones and the "voicemail left" call event for the CRM (CRM-02).
 */
@Service
public class VoicemailDeposit {

    /** A message as the media engine hands it over; caller and names may be null. */
    public record Deposit(long tenantId, String box, String callerNumber, String callerName, String callId,
                          Instant receivedAt, byte[] wav) {
    }

    private final VoicemailBoxes boxes;
    private final VoicemailMessageRepository messages;
    private final VoicemailAudioStore audio;
    private final VoicemailNotices notices;
    private final Outbox outbox;
    private final SmsBillingRecordRepository billing;
    private final MessageWaiting messageWaiting;
    private final CallEventPublisher events;
    private final IntegrationsProperties properties;
    private final Clock clock;

    public VoicemailDeposit(VoicemailBoxes boxes, VoicemailMessageRepository messages, VoicemailAudioStore audio,
                            VoicemailNotices notices, Outbox outbox, SmsBillingRecordRepository billing,
                            MessageWaiting messageWaiting, CallEventPublisher events,
                            IntegrationsProperties properties, Clock clock) {
        this.boxes = boxes;
        this.messages = messages;
        this.audio = audio;
        this.notices = notices;
        this.outbox = outbox;
        this.billing = billing;
        this.messageWaiting = messageWaiting;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public VoicemailMessage deposit(Deposit d) {
        Box box = boxes.require(d.tenantId(), d.box());
        if (d.wav() != null && d.wav().length > properties.getVoicemail().getMaxAudioBytes()) {
            throw new InvalidInputException("the audio is larger than " + properties.getVoicemail().getMaxAudioBytes()
                    + " bytes");
        }
        WavFormat format = WavFormat.read(d.wav());

        VoicemailMessage m = new VoicemailMessage();
        m.setTenantId(box.tenantId());
        m.setBox(box.number());
        m.setCallerNumber(trim(d.callerNumber(), 32));
        m.setCallerName(trim(d.callerName(), 100));
        m.setCallId(trim(d.callId(), 100));
        m.setReceivedAt(d.receivedAt() == null ? clock.instant() : d.receivedAt());
        m.setDurationMillis(format.durationMillis());
        m.setState(VoicemailState.NEW);
        m = messages.saveAndFlush(m);
        audio.save(m, d.wav());

        if (box.email() != null) {
            queueEmail(box, m);
        }
        if (box.smsNumber() != null) {
            queueSms(box, m);
        }
        messageWaiting.changed(box.tenantId(), box.number());
        events.publish(CallEvent.of(CallEventType.VOICEMAIL_LEFT, box.tenantId(), box.number(), m.getReceivedAt())
                .callId(m.getCallId()).caller(m.getCallerNumber(), m.getCallerName())
                .durationSeconds(Math.round(m.getDurationMillis() / 1000.0)).voicemailMessageId(m.getId()).build());
        return m;
    }

    private void queueEmail(Box box, VoicemailMessage m) {
        VoicemailNotices.Email email = notices.email(box, m);
        OutboxMessage o = new OutboxMessage();
        o.setTenantId(box.tenantId());
        o.setChannel(OutboxChannel.EMAIL);
        o.setDestination(box.email());
        o.setSubject(trim(email.subject(), 255));
        o.setBody(email.body());
        o.setVoicemailMessageId(m.getId());
        o.setAttachAudio(box.attachAudio());
        o.setDeleteAfterDelivery(box.deleteAfterEmail());
        o.setBox(box.number());
        outbox.enqueue(o);
    }

    private void queueSms(Box box, VoicemailMessage m) {
        OutboxMessage o = new OutboxMessage();
        o.setTenantId(box.tenantId());
        o.setChannel(OutboxChannel.SMS);
        o.setDestination(PhoneNumbers.toE164(box.smsNumber()));
        o.setBody(notices.sms(box, m));
        o.setVoicemailMessageId(m.getId());
        o.setBox(box.number());
        o = outbox.enqueue(o);
        // SMS costs go to the customer account (VM-05): one record per SMS, from the moment it is queued.
        SmsBillingRecord record = new SmsBillingRecord();
        record.setTenantId(box.tenantId());
        record.setBox(box.number());
        record.setDestination(o.getDestination());
        record.setOutboxMessageId(o.getId());
        record.setVoicemailMessageId(m.getId());
        record.setCreatedAt(o.getCreatedAt());
        billing.save(record);
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
