package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.DeviceType;

/** One device of a user (USR-08): a fixed device on a channel, a desktop client or a mobile. */
public record DeviceView(String name, DeviceType type, String channel, String mobileNumber) {
}
