package org.reachpbx.rules.view;

import java.util.List;
import java.util.Set;

/**
 * A call class (REACH-05): contact numbers and prefixes in national format (ACC-08), internal
 * extensions, the class caller ID for outgoing calls (REACH-16) and whether assistants may take
 * its calls (ASG-02).
 */
public record CallClassView(String name, Set<String> contactNumbers, Set<String> extensions, List<String> prefixes,
                            String callerId, boolean assistantGroupAllowed) {
    public CallClassView {
        contactNumbers = Set.copyOf(contactNumbers);
        extensions = Set.copyOf(extensions);
        prefixes = List.copyOf(prefixes);
    }

    /** Length of the longest prefix the number starts with, or 0. */
    public int longestPrefixOf(String number) {
        int best = 0;
        if (number != null) {
            for (String p : prefixes) {
                if (p.length() > best && number.startsWith(p)) {
                    best = p.length();
                }
            }
        }
        return best;
    }
}
