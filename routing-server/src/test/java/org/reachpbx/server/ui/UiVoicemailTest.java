package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Voicemail in a real browser (the end user's own box, played and downloaded) and the outbox's retry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiVoicemailTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantStore store;

    @Autowired
    VoicemailDeposit deposit;

    @Autowired
    VoicemailMessageRepository messages;

    @Autowired
    OutboxMessageRepository outbox;

    @Autowired
    AuditTrail audit;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    long demo() {
        return store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
    }

    static byte[] wav(double seconds) {
        int rate = 8000;
        int samples = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return b.array();
    }

    @Test
    void theEndUserPlaysAndDownloadsAMessageOfTheOwnBoxOnly() {
        long demo = demo();
        byte[] audio = wav(2);
        VoicemailMessage own = deposit.deposit(new VoicemailDeposit.Deposit(demo, "201", "0612345678", "Klant Pietersen",
                "ui-vm-1", Instant.parse("2026-11-24T09:15:00Z"), audio));
        deposit.deposit(new VoicemailDeposit.Deposit(demo, "202", "0687654321", "Someone else", "ui-vm-2",
                Instant.parse("2026-11-24T09:20:00Z"), wav(1)));

        browser = UiBrowser.start(port).login("piet", "demo-user");
        browser.open("/ui/voicemail");
        browser.waitForText(By.id("vm-messages"), "0612345678");
        String list = browser.waitFor(By.id("vm-messages")).getText();
        assertThat(list).contains("Klant Pietersen", "2026-11-24 10:15:00 CET", "2 s", "new").doesNotContain("0687654321");

        browser.click(By.id("vm-play-" + own.getId()));
        WebElement player = browser.waitFor(By.id("vm-audio"));
        assertThat(player.getTagName()).isEqualTo("audio");
        Object size = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].src).then(r => r.arrayBuffer()).then(b => done(b.byteLength));", player);
        assertThat(((Number) size).intValue()).isEqualTo(audio.length);
        browser.waitForText(By.id("vm-messages"), "heard");
        assertThat(messages.findById(own.getId()).orElseThrow().getState()).isEqualTo(VoicemailState.OLD);

        WebElement download = browser.waitFor(By.id("vm-download-" + own.getId()));
        assertThat(download.getAttribute("download")).isNotNull();
        assertThat(download.getAttribute("href")).contains("voicemail-" + own.getId() + ".wav");
        browser.screenshot("voicemail-enduser");
    }

    @Test
    void theAdminRetriesADeadOutboxMessage() {
        OutboxMessage m = new OutboxMessage();
        m.setTenantId(demo());
        m.setChannel(OutboxChannel.EMAIL);
        m.setState(OutboxState.DEAD);
        m.setDestination("nobody@ui-test.example");
        m.setSubject("UI test");
        m.setBody("body");
        m.setIdempotencyKey(UUID.randomUUID().toString());
        m.setAttempts(7);
        m.setLastError("550 mailbox unavailable (ui test)");
        m.setCreatedAt(Instant.now());
        m.setNextAttemptAt(Instant.now());
        OutboxMessage dead = outbox.save(m);

        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/outbox");
        browser.waitForText(By.id("outbox"), "550 mailbox unavailable (ui test)");
        assertThat(browser.waitFor(By.id("outbox")).getText()).contains("nobody@ui-test.example", "Gave up", "7");
        browser.screenshot("outbox-dead");

        browser.click(By.id("outbox-retry-" + dead.getId()));
        browser.waitForText(By.tagName("vaadin-notification-card"), "is due again");
        OutboxMessage after = outbox.findById(dead.getId()).orElseThrow();
        // retried: attempts counted from zero again (the sender may have made one new attempt since)
        assertThat(after.getAttempts()).isLessThanOrEqualTo(1);
        assertThat(audit.latest(5)).anyMatch(e -> e.getAction().equals("Outbox: retry")
                && e.getDetail().startsWith("message " + dead.getId()));
        browser.screenshot("outbox-retried");
    }
}
