package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.Length;

/** The WAV audio of one voicemail message, when audio is kept in the database (a LONGBLOB on MariaDB). */
@Entity
@Table(name = "voicemail_audio")
@Getter
@NoArgsConstructor
public class VoicemailAudio {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Lob
    @Column(name = "wav", nullable = false, length = Length.LONG32)
    private byte[] wav;

    public VoicemailAudio(Long messageId, byte[] wav) {
        this.messageId = messageId;
        this.wav = wav;
    }
}
