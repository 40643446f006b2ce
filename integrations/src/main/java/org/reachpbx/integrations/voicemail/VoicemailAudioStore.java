package org.reachpbx.integrations.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.reachpbx.directory.integrations.VoicemailAudio;
import org.reachpbx.directory.integrations.VoicemailAudioRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the audio of voicemail messages: in the database by default (table voicemail_audio, so a
 * backup of the database holds everything), or as files below {@code pbx.integrations.voicemail.audio-folder}.
 */
@Component
public class VoicemailAudioStore {

    private final VoicemailAudioRepository audio;
    private final Path folder;

    public VoicemailAudioStore(VoicemailAudioRepository audio, IntegrationsProperties properties) {
        this.audio = audio;
        this.folder = properties.getVoicemail().getAudioFolder();
    }

    /** Stores the audio of a saved message and records where it is. */
    public void save(VoicemailMessage message, byte[] wav) {
        message.setAudioSize(wav.length);
        if (folder == null) {
            audio.save(new VoicemailAudio(message.getId(), wav));
            return;
        }
        String name = message.getTenantId() + "/" + message.getId() + ".wav";
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, wav);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write voicemail audio to " + file, e);
        }
        message.setAudioFile(name);
        // A rolled-back deposit must not leave its file behind.
        afterRollback(() -> deleteQuietly(file));
    }

    public Optional<byte[]> load(VoicemailMessage message) {
        if (message.getAudioFile() == null) {
            return audio.findById(message.getId()).map(VoicemailAudio::getWav);
        }
        Path file = folder().resolve(message.getAudioFile());
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read voicemail audio " + file, e);
        }
    }

    /** Removes the audio with its message (database rows go by cascade; files after the commit). */
    public void delete(VoicemailMessage message) {
        if (message.getAudioFile() == null) {
            audio.findById(message.getId()).ifPresent(audio::delete);
            return;
        }
        Path file = folder().resolve(message.getAudioFile());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(file);
                }
            });
        } else {
            deleteQuietly(file);
        }
    }

    private Path folder() {
        if (folder == null) {
            throw new IllegalStateException("a voicemail message refers to an audio file, but"
                    + " pbx.integrations.voicemail.audio-folder is not set");
        }
        return folder;
    }

    private static void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        action.run();
                    }
                }
            });
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file is harmless; the row that pointed at it is gone.
        }
    }
}
