package org.reachpbx.integrations.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.SmsBillingRecord;
import org.reachpbx.directory.integrations.SmsBillingRecordRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.peers.TestSmsc;
import org.reachpbx.integrations.peers.Wav;
import org.springframework.beans.factory.annotation.Autowired;

/** Voicemail to SMS (VM-05, VM-T2) against an embedded SMSC (jSMPP server session). */
class VoicemailSmsTest extends IntegrationTest {

    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    SmsBillingRecordRepository billing;

    private TestSmsc smsc;

    @AfterEach
    void stopSmsc() throws Exception {
        if (smsc != null) {
            smsc.close();
        }
    }

    private VoicemailMessage leave(String caller) {
        return deposit.deposit(new VoicemailDeposit.Deposit(demo, "600", caller, null, null,
                Instant.parse("2026-11-24T09:15:00Z"), Wav.tone(8000, 20)));
    }

    private OutboxMessage smsOf(VoicemailMessage m) {
        return outbox.findAll().stream().filter(o -> o.getChannel() == OutboxChannel.SMS
                && m.getId().equals(o.getVoicemailMessageId())).findFirst().orElseThrow();
    }

    private List<TestSmsc.Submitted> submittedFor(String caller) {
        return smsc.submitted().stream().filter(s -> s.text().contains(caller)).toList();
    }

    @Test
    void vmT2_oneSmsToTheBoxNumberAndOneBillingRecord() throws Exception {
        smsc = new TestSmsc(SMPP_PORT, SMPP_SYSTEM_ID, SMPP_PASSWORD);
        VoicemailMessage m = leave("0209998877");
        OutboxMessage sms = smsOf(m);
        // Queued together with the message, with its billing record (VM-T2).
        SmsBillingRecord record = billing.findByOutboxMessageId(sms.getId()).orElseThrow();
        assertThat(record.getDestination()).isEqualTo("+31612345678");
        assertThat(record.getBox()).isEqualTo("600");

        eventually().until(() -> outboxState(sms.getId()).equals("DELIVERED"));
        List<TestSmsc.Submitted> submitted = submittedFor("0209998877");
        assertThat(submitted).hasSize(1);
        TestSmsc.Submitted s = submitted.get(0);
        assertThat(s.destination()).isEqualTo("31612345678");
        assertThat(s.destinationTon()).isEqualTo((byte) 1);
        assertThat(s.source()).isEqualTo("ReachPBX");
        assertThat(s.sourceTon()).isEqualTo((byte) 5);
        assertThat(s.text()).isEqualTo("Voicemail voor 600 van 0209998877, 24-11 10:15, 0:20.");
        SmsBillingRecord billed = billing.findByOutboxMessageId(sms.getId()).orElseThrow();
        assertThat(billed.getSubmittedAt()).isNotNull();
        assertThat(billed.getSmscMessageId()).isEqualTo(s.messageId());
    }

    @Test
    void smscDownTheSmsWaitsThenGoesOutExactlyOnce() throws Exception {
        VoicemailMessage m = leave("0209990000");
        long id = smsOf(m).getId();
        eventually().until(() -> outbox.findById(id).orElseThrow().getAttempts() >= 1);
        assertThat(outboxState(id)).isEqualTo("PENDING");
        assertThat(outbox.findById(id).orElseThrow().getLastError()).isNotBlank();

        smsc = new TestSmsc(SMPP_PORT, SMPP_SYSTEM_ID, SMPP_PASSWORD);
        eventually().until(() -> outboxState(id).equals("DELIVERED"));
        Thread.sleep(1000);
        assertThat(submittedFor("0209990000")).hasSize(1);
    }
}
