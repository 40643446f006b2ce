package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.sound.StoredSoundAudioRepository;
import org.reachpbx.directory.sound.StoredSoundRepository;
import org.reachpbx.directory.sound.TestSounds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sound files in a real browser: the tenant admin uploads a WAV, sees it listed with its duration
 * and listens to it, adds it to the music-on-hold playlist, moves it to the top, changes a volume
 * and saves; the stored playlist has that order. The rights note (MOH-04) is on the page.
 */
class UiSoundsTest extends DemoTenantBrowserTest {

    @Autowired
    StoredSoundRepository sounds;
    @Autowired
    StoredSoundAudioRepository audio;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void removeSounds() {
        sounds.findByTenantIdOrderByNameAsc(demo).forEach(s -> {
            audio.deleteById(s.getId());
            sounds.delete(s);
        });
    }

    @Test
    void aWavIsUploadedListedWithItsDurationAndPutFirstInThePlaylist() throws Exception {
        Path wav = Files.createTempFile("Wachtmuziek ", ".wav");
        Files.write(wav, TestSounds.tone(44100, 2, 16, 440, 2.0, 0.5));
        String name = wav.getFileName().toString().replace(' ', '-');

        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/sounds");
        assertThat(browser.waitFor(By.id("sounds-rights")).getText()).contains("BUMA/Stemra");
        // the demo playlist names files that were never uploaded: listed as a warning
        browser.waitForText(By.id("sounds-missing"), "moh/demo-bv-lounge.mp3");
        browser.upload(By.id("sounds-upload"), wav);
        browser.waitForText(By.id("sounds-status"), "Stored " + name + " (0:02)");
        assertThat(browser.waitForColumn("sounds", 0, names -> names.contains(name))).containsExactly(name);
        assertThat(browser.columnTexts("sounds", 1)).containsExactly("0:02");
        assertThat(audit.latest(1).get(0).getAction()).isEqualTo("Sounds: upload");

        browser.click(By.id("sounds-play-" + name.replaceAll("[^A-Za-z0-9_-]", "_")));
        WebElement player = browser.waitFor(By.id("sounds-audio"));
        Object size = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].src).then(r => r.arrayBuffer()).then(b => done(b.byteLength));", player);
        assertThat(((Number) size).intValue()).isEqualTo(44 + 2 * 16000);

        browser.choose(By.id("moh-add-file"), name);
        browser.click("moh-add");
        browser.waitForColumn("moh-playlist", 1, files -> files.size() == 3);
        browser.click("moh-up-2");
        browser.waitForColumn("moh-playlist", 1, files -> files.get(1).equals(name));
        browser.click("moh-up-1");
        assertThat(browser.waitForColumn("moh-playlist", 1, files -> files.get(0).equals(name)))
                .containsExactly(name, "moh/demo-bv-lounge.mp3", "moh/demo-bv-piano.wav");
        assertThat(browser.columnTexts("moh-playlist", 2)).containsExactly("0:02", "not uploaded", "not uploaded");
        browser.type("moh-volume-0", "60");
        browser.screenshot("sounds-playlist");
        browser.click("moh-save");
        browser.waitForText(By.tagName("body"), "Saved");

        String yaml = export();
        assertThat(yaml).containsSubsequence("musicOnHold:", "file: " + name, "volume: 60",
                "file: moh/demo-bv-lounge.mp3", "volume: 80", "file: moh/demo-bv-piano.wav", "volume: 70");
        assertThat(audit.latest(1).get(0).getAction()).isEqualTo("Music on hold: update playlist");
        assertThat(audit.latest(1).get(0).getDetail()).contains("3 file(s): " + name + " (60)");

        // in the playlist now, so it cannot be deleted
        browser.click(By.id("sounds-delete-" + name.replaceAll("[^A-Za-z0-9_-]", "_")));
        browser.click("confirm-delete-ok");
        browser.waitForText(By.id("sounds-status"), "is still used by musicOnHold[0].file");
        assertThat(sounds.findByTenantIdOrderByNameAsc(demo)).hasSize(1);
        Files.deleteIfExists(wav);
    }
}
