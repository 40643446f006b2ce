package org.reachpbx.directory.sound;

import org.springframework.data.jpa.repository.JpaRepository;

/** The converted audio of the sound files. */
public interface StoredSoundAudioRepository extends JpaRepository<StoredSoundAudio, Long> {
}
