package org.reachpbx.rules.view;

import java.util.Map;
import org.reachpbx.rules.vocabulary.ExtensionType;

/**
 * An extension answered by a media service (voicemail, auto-answer, queue, AI, system): the rules
 * only decide to connect it; its settings travel along as parameters for the executor.
 */
public record MediaExtensionView(String number, String name, ExtensionType type, Map<String, String> settings)
        implements ExtensionView {
    public MediaExtensionView {
        settings = Map.copyOf(settings);
    }
}
