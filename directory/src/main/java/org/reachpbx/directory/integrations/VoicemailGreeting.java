package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.hibernate.Length;

/**
 * A greeting a box owner recorded by phone (VM-03 options, 1): played to callers instead of the
 * configured greeting or the default prompt. One per box and kind (e.g. UNAVAILABLE).
 */
@Entity
@Table(name = "voicemail_greeting")
@Getter
@Setter
@NoArgsConstructor
public class VoicemailGreeting {

    /** Which greeting: the manual knows one per box; kept open for busy/unavailable variants. */
    public enum Kind { UNAVAILABLE }

    @Embeddable
    @Getter
    @NoArgsConstructor
    @lombok.AllArgsConstructor
    @lombok.EqualsAndHashCode
    public static class Key implements Serializable {
        @Column(name = "tenant_id", nullable = false)
        private long tenantId;
        @Column(name = "box", length = 5, nullable = false)
        private String box;
        @Column(name = "kind", length = 12, nullable = false)
        private String kind;
    }

    @EmbeddedId
    private Key id;

    @Lob
    @Column(name = "wav", nullable = false, length = Length.LONG32)
    private byte[] wav;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    public VoicemailGreeting(Key id, byte[] wav, Instant recordedAt) {
        this.id = id;
        this.wav = wav;
        this.recordedAt = recordedAt;
    }
}
