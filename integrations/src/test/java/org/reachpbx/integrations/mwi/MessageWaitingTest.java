package org.reachpbx.integrations.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.IntegrationsTestApplication.TestRegistrations;
import org.reachpbx.integrations.peers.TestPhone;
import org.reachpbx.integrations.peers.Wav;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.springframework.beans.factory.annotation.Autowired;

/** Message waiting (RFC 3842): a NOTIFY to the user's registered phone whenever the box's counts change. */
class MessageWaitingTest extends IntegrationTest {

    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    VoicemailMessages messages;
    @Autowired
    TestRegistrations registrations;

    private TestPhone phone;

    @AfterEach
    void stopPhone() {
        registrations.clear();
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void theRegisteredPhoneLearnsNewAndOldCounts() throws Exception {
        phone = new TestPhone(PHONE_PORT);
        registrations.register(demo, "204", phone.contact("204"));
        jdbc.update("delete from voicemail_message where tenant_id = ? and box = '204'", demo);

        VoicemailMessage m = deposit.deposit(new VoicemailDeposit.Deposit(demo, "204", "0201234567", null, null,
                Instant.now(), Wav.tone(8000, 1)));
        eventually().until(() -> phone.notifies().stream().anyMatch(n -> n.body().contains("Voice-Message: 1/0")));
        TestPhone.Notify notify = phone.notifies().get(phone.notifies().size() - 1);
        assertThat(notify.requestUri()).isEqualTo(phone.contact("204"));
        assertThat(notify.event()).isEqualTo("message-summary");
        assertThat(notify.contentType()).isEqualTo("application/simple-message-summary");
        assertThat(notify.subscriptionState()).isEqualTo("active");
        assertThat(notify.body()).isEqualTo("Messages-Waiting: yes\r\n"
                + "Message-Account: sip:204@demo.reachpbx.local\r\n"
                + "Voice-Message: 1/0 (0/0)\r\n");

        messages.markOld(demo, "204", m.getId());
        eventually().until(() -> phone.notifies().stream().anyMatch(n -> n.body().contains("Voice-Message: 0/1")));
        assertThat(phone.notifies().get(phone.notifies().size() - 1).body()).startsWith("Messages-Waiting: no\r\n");

        messages.delete(demo, "204", m.getId());
        eventually().until(() -> phone.notifies().get(phone.notifies().size() - 1).body().contains("Voice-Message: 0/0"));
    }
}
