package org.reachpbx.directory.integrations;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audio of voicemail messages kept in the database. */
public interface VoicemailAudioRepository extends JpaRepository<VoicemailAudio, Long> {
}
