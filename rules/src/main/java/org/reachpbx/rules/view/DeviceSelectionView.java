package org.reachpbx.rules.view;

/** One line of a profile's device selection: devices at the same step ring together (REACH-14). */
public record DeviceSelectionView(String device, boolean enabled, int step) {
}
