package org.reachpbx.directory.sound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.hibernate.Length;

/** The converted audio of one {@link StoredSound}: an 8 kHz mono 16-bit PCM WAV (a LONGBLOB on MariaDB). */
@Entity
@Table(name = "sound_file_audio")
@Getter
@Setter
@NoArgsConstructor
public class StoredSoundAudio {

    @Id
    @Column(name = "sound_id")
    private Long soundId;

    @Lob
    @Column(name = "wav", nullable = false, length = Length.LONG32)
    private byte[] wav;

    public StoredSoundAudio(Long soundId, byte[] wav) {
        this.soundId = soundId;
        this.wav = wav;
    }
}
