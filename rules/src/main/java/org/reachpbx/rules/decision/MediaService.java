package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Connect the call to a media service: a voicemail box, auto-answer, queue, AI service, a system
 * service (915/920/905 via a system extension) or a system code the caller dialled (SYSNUM-01).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MediaService(Kind kind, String extension, String code, Map<String, String> settings) {
    public enum Kind { VOICEMAIL, PERSONAL_VOICEMAIL, AUTO_ANSWER, QUEUE, AI, SYSTEM_SERVICE, SYSTEM_CODE }
}
