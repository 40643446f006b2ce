package org.reachpbx.directory.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/**
 * One recorded call (REC-01): its metadata, and the WAV file (both parties, stereo: the caller
 * left, the called party right) in the configured recordings folder. The recorded user is the one
 * with the recording right: the caller or the user who answered (REC-04 shows a user these).
 */
@Entity
@Table(name = "call_recording")
@Getter
@Setter
public class CallRecording extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "call_id", nullable = false, length = 100)
    private String callId;

    /** The user whose right made the recording (the caller or the answering user). */
    @Column(name = "user_extension", nullable = false, length = 5)
    private String userExtension;

    /** The caller's number as presented; null when withheld. */
    @Column(name = "caller", length = 32)
    private String caller;

    /** The number the caller dialled. */
    @Column(name = "destination", length = 32)
    private String destination;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    @Column(name = "audio_size", nullable = false)
    private long audioSize;

    /** The WAV's file name inside the recordings folder. */
    @Column(name = "audio_file", nullable = false, length = 255)
    private String audioFile;
}
