package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/**
 * One message left in a voicemail box: a user's personal mailbox (VM-07) or a voicemail extension
 * (VM-01), both named by their extension number within the tenant. The audio is kept apart
 * ({@link VoicemailAudio} or a file in the configured folder) so that listing messages never loads it.
 */
@Entity
@Table(name = "voicemail_message")
@Getter
@Setter
public class VoicemailMessage extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    /** Extension number of the box. */
    @Column(name = "box", nullable = false, length = 5)
    private String box;

    /** The caller's number as presented; null when the caller was anonymous. */
    @Column(name = "caller_number", length = 32)
    private String callerNumber;

    @Column(name = "caller_name", length = 100)
    private String callerName;

    @Column(name = "call_id", length = 100)
    private String callId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private VoicemailState state = VoicemailState.NEW;

    @Column(name = "audio_size", nullable = false)
    private long audioSize;

    /** The audio's file name inside the configured audio folder; null when the audio is in the database. */
    @Column(name = "audio_file", length = 255)
    private String audioFile;
}
