package org.reachpbx.rules.view;

import java.util.List;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.LbrType;

/** A location-based routing extension (LBR-01): type, entries and fallbacks. */
public record LbrView(String number, String name, LbrType lbrType, String sound, String defaultDestination,
                      String defaultPrefix, String anonymousDestination, String anonymousPrefix,
                      String mobileDestination, List<LbrEntryView> entries) implements ExtensionView {
    public LbrView {
        entries = List.copyOf(entries);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.LBR;
    }
}
