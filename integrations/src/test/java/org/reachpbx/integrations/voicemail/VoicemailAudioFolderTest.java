package org.reachpbx.integrations.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.peers.Wav;

/** Audio kept as files below pbx.integrations.voicemail.audio-folder instead of in the database. */
class VoicemailAudioFolderTest {

    @TempDir
    Path folder;

    @Test
    void audioIsWrittenReadAndRemovedAsAFile() {
        IntegrationsProperties properties = new IntegrationsProperties();
        properties.getVoicemail().setAudioFolder(folder);
        // The database repository is not touched in folder mode.
        VoicemailAudioStore store = new VoicemailAudioStore(null, properties);
        VoicemailMessage m = new VoicemailMessage() {
            @Override
            public Long getId() {
                return 42L;
            }
        };
        m.setTenantId(7);
        byte[] wav = Wav.tone(8000, 1);

        store.save(m, wav);
        assertThat(m.getAudioFile()).isEqualTo("7/42.wav");
        assertThat(m.getAudioSize()).isEqualTo(wav.length);
        assertThat(folder.resolve("7/42.wav")).hasBinaryContent(wav);
        assertThat(store.load(m)).contains(wav);

        store.delete(m);
        assertThat(Files.exists(folder.resolve("7/42.wav"))).isFalse();
        assertThat(store.load(m)).isEmpty();
    }
}
