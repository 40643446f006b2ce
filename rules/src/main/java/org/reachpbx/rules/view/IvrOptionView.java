package org.reachpbx.rules.view;

/** One IVR option: digits, display prefix and destination extension (IVR-03). */
public record IvrOptionView(String digits, String prefix, String destination) {
}
