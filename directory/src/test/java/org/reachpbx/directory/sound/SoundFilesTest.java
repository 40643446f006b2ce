package org.reachpbx.directory.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.SoundFile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

/** The sound store on H2: upload, list, read back as telephone WAV, replace, delete, and delete refused while in use. */
@SpringBootTest
class SoundFilesTest {

    @Autowired
    SoundFiles sounds;
    @Autowired
    TenantStore store;
    @Autowired
    TenantEditor editor;
    @Autowired
    StoredSoundAudioRepository audio;

    /** A tenant of its own per test, whose playlist names moh/lounge.mp3 and whose auto answer plays closed.wav. */
    long tenant(String key, String number) throws IOException {
        String yaml = new ClassPathResource("tenants/minimal.yaml").getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replace("Minimal BV", "Sounds " + key + " BV").replace("minimal.reachpbx.test", key + ".sounds.test")
                .replace("0301110000", number)
                + "musicOnHold:\n  - file: moh/lounge.mp3\n    volume: 80\n"
                + "autoAnswers:\n  - number: \"650\"\n    name: Closed\n    sound: closed.wav\n";
        return store.importYaml(yaml).id();
    }

    @Test
    void anUploadIsStoredConvertedListedAndReadBack() throws IOException {
        long t = tenant("upload", "0301117001");
        byte[] upload = TestSounds.tone(44100, 2, 16, 440, 1.5, 0.5);

        SoundFiles.Stored stored = sounds.store(t, "moh/lounge.mp3", "Lounge Music.wav", upload);

        assertThat(stored.replaced()).isFalse();
        StoredSound s = stored.sound();
        assertThat(s.getName()).isEqualTo("moh/lounge.mp3"); // the name is the reference, whatever the content
        assertThat(s.getFormat()).isEqualTo(SoundFormat.WAV);
        assertThat(s.getOriginalFileName()).isEqualTo("Lounge Music.wav");
        assertThat(s.getDurationMillis()).isEqualTo(1500);
        assertThat(s.getUploadSize()).isEqualTo(upload.length);
        assertThat(s.getAudioSize()).isEqualTo(44 + 1500 * 16);
        assertThat(s.getCreatedAt()).isNotNull();
        assertThat(sounds.list(t)).extracting(StoredSound::getName).containsExactly("moh/lounge.mp3");

        byte[] wav = sounds.find(t, "moh/lounge.mp3").orElseThrow();
        assertThat(wav).hasSize(44 + 1500 * 16);
        assertThat(TestSounds.level(TestSounds.samples(wav), 440)).isGreaterThan(0.45);
        assertThat(sounds.find(t, "other.wav")).isEmpty();
        assertThat(sounds.find(t + 100_000, "moh/lounge.mp3")).isEmpty();
    }

    @Test
    void anUploadUnderAnExistingNameReplacesIt() throws IOException {
        long t = tenant("replace", "0301117002");
        long id = sounds.store(t, "closed.wav", "a.wav", TestSounds.tone(8000, 1, 16, 440, 1.0, 0.5)).sound().getId();

        SoundFiles.Stored again = sounds.store(t, "closed.wav", "b.mp3", TestSounds.resource("tone-1khz-16k-mono.mp3"));

        assertThat(again.replaced()).isTrue();
        assertThat(again.sound().getId()).isEqualTo(id);
        assertThat(again.sound().getFormat()).isEqualTo(SoundFormat.MP3);
        assertThat(sounds.list(t)).hasSize(1);
        assertThat(TestSounds.level(TestSounds.samples(sounds.find(t, "closed.wav").orElseThrow()), 1000)).isGreaterThan(0.4);
    }

    @Test
    void aFileInUseCannotBeDeletedAndTheMessageSaysWhere() throws IOException {
        long t = tenant("inuse", "0301117003");
        sounds.store(t, "moh/lounge.mp3", null, TestSounds.resource("tone-440hz-44k-stereo.mp3"));
        sounds.store(t, "spare.wav", null, TestSounds.tone(16000, 1, 16, 440, 0.5, 0.5));

        assertThatThrownBy(() -> sounds.delete(t, "moh/lounge.mp3")).isInstanceOfSatisfying(SoundInUseException.class, e -> {
            assertThat(e.getReferences()).containsExactly("musicOnHold[0].file");
            assertThat(e.getMessage()).isEqualTo("the sound file moh/lounge.mp3 is still used by musicOnHold[0].file;"
                    + " remove it there first");
        });
        assertThat(sounds.find(t, "moh/lounge.mp3")).isPresent();

        sounds.delete(t, "spare.wav");
        assertThat(sounds.list(t)).extracting(StoredSound::getName).containsExactly("moh/lounge.mp3");
        assertThatThrownBy(() -> sounds.delete(t, "spare.wav")).isInstanceOf(SoundNotFoundException.class);

        // out of the playlist, it may go
        Tenant draft = editor.draft(t).orElseThrow();
        draft.setMusicOnHold(new java.util.ArrayList<>());
        editor.save(draft);
        sounds.delete(t, "moh/lounge.mp3");
        assertThat(sounds.list(t)).isEmpty();
    }

    @Test
    void referencesAndMissingFilesAreListedWithTheirPlaces() throws IOException {
        long t = tenant("refs", "0301117004");
        Tenant draft = editor.draft(t).orElseThrow();
        SoundFile again = new SoundFile();
        again.setFile("closed.wav");
        draft.getMusicOnHold().add(again);
        editor.save(draft);
        sounds.store(t, "closed.wav", null, TestSounds.tone(8000, 1, 16, 440, 0.5, 0.5));

        assertThat(sounds.references(t)).containsExactly(
                Map.entry("moh/lounge.mp3", List.of("musicOnHold[0].file")),
                Map.entry("closed.wav", List.of("musicOnHold[1].file", "autoAnswers[650].sound")));
        assertThat(sounds.missing(t)).containsExactly(Map.entry("moh/lounge.mp3", List.of("musicOnHold[0].file")));
    }

    @Test
    void refusedUploadsStoreNothing() throws IOException {
        long t = tenant("refused", "0301117005");
        assertThatThrownBy(() -> sounds.store(t, "../x.wav", null, TestSounds.tone(8000, 1, 16, 440, 0.5, 0.5)))
                .isInstanceOfSatisfying(SoundRejectedException.class, e -> assertThat(e.getProblem()).isEqualTo(SoundProblem.BAD_NAME));
        assertThatThrownBy(() -> sounds.store(t, "x.wav", null, "hello".getBytes()))
                .isInstanceOfSatisfying(SoundRejectedException.class, e -> assertThat(e.getProblem()).isEqualTo(SoundProblem.UNRECOGNISED));
        assertThatThrownBy(() -> sounds.store(t + 100_000, "x.wav", null, TestSounds.tone(8000, 1, 16, 440, 0.5, 0.5)))
                .isInstanceOf(SoundNotFoundException.class);
        assertThat(sounds.list(t)).isEmpty();
    }

    @Test
    void deletingTheTenantDeletesItsSoundFiles() throws IOException {
        long t = tenant("gone", "0301117006");
        long id = sounds.store(t, "spare.wav", null, TestSounds.tone(8000, 1, 16, 440, 0.5, 0.5)).sound().getId();
        assertThat(store.delete(t)).isTrue();
        assertThat(audio.findById(id)).isEmpty();
        assertThatThrownBy(() -> sounds.list(t)).isInstanceOf(SoundNotFoundException.class);
    }
}
