package org.reachpbx.integrations.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.peers.Wav;
import org.springframework.beans.factory.annotation.Autowired;

/** Voicemail to e-mail (VM-04, VM-T1) against GreenMail, an embedded SMTP server. */
class VoicemailEmailTest extends IntegrationTest {

    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    VoicemailMessageRepository messages;
    @Autowired
    OutboxMessageRepository outbox;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private VoicemailMessage leave(String box, String caller, String name, byte[] wav) {
        return deposit.deposit(new VoicemailDeposit.Deposit(demo, box, caller, name, "call-" + caller,
                Instant.parse("2026-11-24T09:15:00Z"), wav));
    }

    private OutboxMessage emailOf(VoicemailMessage m) {
        return outbox.findAll().stream().filter(o -> o.getChannel() == OutboxChannel.EMAIL
                && m.getId().equals(o.getVoicemailMessageId())).findFirst().orElseThrow();
    }

    private List<MimeMessage> received(String caller) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(caller);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void vmT1_oneEmailWithTheAudioThenTheMailboxIsEmpty() throws Exception {
        startSmtp();
        byte[] wav = Wav.tone(8000, 20);
        VoicemailMessage m = leave("600", "0201234567", "Van Dijk", wav);

        eventually().until(() -> outboxState(emailOf(m).getId()).equals("DELIVERED"));
        List<MimeMessage> mails = received("0201234567");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("info@demobv.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("voicemail@demo.reachpbx.local");
        // Box 600 speaks Dutch; 09:15 UTC is 10:15 in Amsterdam.
        assertThat(mail.getSubject()).isEqualTo("Nieuw voicemailbericht van 0201234567 (Van Dijk) voor 600 Algemene voicemail");
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("Van:       0201234567 (Van Dijk)")
                .contains("Ontvangen: dinsdag 24 november 2026 om 10:15")
                .contains("Duur:      0:20")
                .contains("als WAV-bestand in de bijlage")
                .contains("uit de voicemailbox verwijderd");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("voicemail-" + m.getId() + ".wav");
        assertThat(attachment.getContentType()).startsWith("audio/wav");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(wav);

        // Delete after e-mail (VM-04): gone once the SMTP server accepted the e-mail.
        assertThat(messages.findById(m.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from voicemail_audio where message_id = ?", Integer.class,
                m.getId())).isZero();
    }

    @Test
    void withoutAttachmentOrDeleteTheMessageStaysAndTheMailSaysWhereToListen() throws Exception {
        startSmtp();
        // 203 (P. de Jong): e-mail without audio, no delete; language NL in the demo.
        VoicemailMessage m = leave("203", "0301234500", null, Wav.tone(8000, 3));
        eventually().until(() -> outboxState(emailOf(m).getId()).equals("DELIVERED"));
        MimeMessage mail = received("0301234500").get(0);
        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat((String) mail.getContent()).contains("Beluister het bericht").doesNotContain("verwijderd");
        assertThat(messages.findById(m.getId())).isPresent();
    }

    @Test
    void smtpDownTheMessageWaitsThenGoesOutExactlyOnceAndOnlyThenIsDeleted() throws Exception {
        // No SMTP server yet: the e-mail stays PENDING and the voicemail stays in the box.
        VoicemailMessage m = leave("600", "0207654321", "Later BV", Wav.tone(8000, 2));
        long id = emailOf(m).getId();
        eventually().until(() -> outbox.findById(id).orElseThrow().getAttempts() >= 2);
        OutboxMessage waiting = outbox.findById(id).orElseThrow();
        assertThat(waiting.getState().name()).isEqualTo("PENDING");
        assertThat(waiting.getLastError()).isNotBlank();
        assertThat(messages.findById(m.getId())).as("not deleted before the e-mail was accepted").isPresent();

        startSmtp();
        eventually().until(() -> outboxState(id).equals("DELIVERED"));
        Thread.sleep(1000);
        assertThat(received("0207654321")).hasSize(1);
        assertThat(messages.findById(m.getId())).isEmpty();
    }
}
