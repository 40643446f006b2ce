package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the called party sees: the caller ID (national format, or the extension for internal
 * calls), the display name with any route prefixes in front (IVR-07), and whether it is withheld.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Presentation(String callerId, String displayName, boolean anonymous) {
}
