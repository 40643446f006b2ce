package org.reachpbx.ui.config;

import java.util.ArrayList;
import java.util.List;
import org.reachpbx.directory.model.IpAllowEntry;

/**
 * The IP allowlist (IPL-03) as text, one entry a line: {@code 192.0.2.10}, or a range
 * {@code 192.0.2.0-192.0.2.255}, optionally followed by a description. The tenant validator checks
 * the addresses and ranges; this only splits the lines.
 */
public final class IpAllowlist {

    private IpAllowlist() {
    }

    public static List<IpAllowEntry> parse(String text) {
        List<IpAllowEntry> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            IpAllowEntry entry = new IpAllowEntry();
            String[] range = parts[0].split("-", 2);
            entry.setFrom(range[0]);
            entry.setTo(range.length > 1 && !range[1].isEmpty() ? range[1] : null);
            entry.setDescription(parts.length > 1 ? parts[1].strip() : null);
            entries.add(entry);
        }
        return entries;
    }

    public static String format(List<IpAllowEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (IpAllowEntry e : entries) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(e.getFrom());
            if (e.getTo() != null) {
                text.append('-').append(e.getTo());
            }
            if (e.getDescription() != null && !e.getDescription().isBlank()) {
                text.append(' ').append(e.getDescription());
            }
        }
        return text.toString();
    }
}
