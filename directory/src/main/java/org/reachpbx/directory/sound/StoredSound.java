package org.reachpbx.directory.sound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/**
 * One sound file a tenant uploaded, by the name its configuration refers to (unique per tenant).
 * The converted audio (8 kHz mono 16-bit PCM WAV) is kept apart in {@link StoredSoundAudio}, so a
 * list never loads it. (The playlist entry {@link org.reachpbx.directory.model.SoundFile} is a
 * reference to one of these by name.)
 */
@Entity
@Table(name = "sound_file", uniqueConstraints = @UniqueConstraint(name = "uk_sound_file_tenant_name",
        columnNames = {"tenant_id", "name"}))
@Getter
@Setter
public class StoredSound extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "name", nullable = false, length = SoundNames.MAX_LENGTH)
    private String name;

    /** The uploaded file's own name, as the browser or client gave it; may be null. */
    @Column(name = "original_file_name", length = 255)
    private String originalFileName;

    /** What was uploaded (recognised by content). */
    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false, length = 10)
    private SoundFormat format;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    /** Bytes uploaded. */
    @Column(name = "upload_size", nullable = false)
    private long uploadSize;

    /** Bytes of the converted WAV. */
    @Column(name = "audio_size", nullable = false)
    private long audioSize;

    /** When this version was uploaded. */
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
}
