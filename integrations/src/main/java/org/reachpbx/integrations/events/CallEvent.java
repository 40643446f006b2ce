package org.reachpbx.integrations.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A call event as the server publishes it to the integrations (ARCHITECTURE.md, "the path of one
 * call", step 5). Numbers are as presented on the call; {@code extension} is the tenant's extension
 * the event is about (a user, or a voicemail extension for {@code VOICEMAIL_LEFT}).
 *
 * @param durationSeconds talk time for {@code ENDED}, message length for {@code VOICEMAIL_LEFT}
 * @param voicemailMessageId the stored message, for {@code VOICEMAIL_LEFT}
 */
public record CallEvent(CallEventType type, long tenantId, String callId, String caller, String callerName,
                        String called, String extension, Instant occurredAt, Instant startedAt,
                        Instant answeredAt, Instant endedAt, Long durationSeconds, Long voicemailMessageId) {

    public CallEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static Builder of(CallEventType type, long tenantId, String extension, Instant occurredAt) {
        return new Builder(type, tenantId, extension, occurredAt);
    }

    /** Builds an event; only type, tenant, extension and time are required. */
    public static final class Builder {
        private final CallEventType type;
        private final long tenantId;
        private final String extension;
        private final Instant occurredAt;
        private String callId;
        private String caller;
        private String callerName;
        private String called;
        private Instant startedAt;
        private Instant answeredAt;
        private Instant endedAt;
        private Long durationSeconds;
        private Long voicemailMessageId;

        private Builder(CallEventType type, long tenantId, String extension, Instant occurredAt) {
            this.type = type;
            this.tenantId = tenantId;
            this.extension = extension;
            this.occurredAt = occurredAt;
        }

        public Builder callId(String v) { callId = v; return this; }
        public Builder caller(String number, String name) { caller = number; callerName = name; return this; }
        public Builder called(String v) { called = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder answeredAt(Instant v) { answeredAt = v; return this; }
        public Builder endedAt(Instant v) { endedAt = v; return this; }
        public Builder durationSeconds(Long v) { durationSeconds = v; return this; }
        public Builder voicemailMessageId(Long v) { voicemailMessageId = v; return this; }

        public CallEvent build() {
            return new CallEvent(type, tenantId, callId, caller, callerName, called, extension, occurredAt, startedAt,
                    answeredAt, endedAt, durationSeconds, voicemailMessageId);
        }
    }
}
