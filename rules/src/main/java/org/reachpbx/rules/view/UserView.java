package org.reachpbx.rules.view;

import java.util.List;
import org.reachpbx.rules.vocabulary.ExtensionType;

/**
 * A user extension (USR-01): its devices, REACH configuration, area code, emergency fallback and
 * the members of its assistant group (the manager's group of assistants, ASG-01), and whether it
 * may park calls with *6 (PARK-01).
 */
public record UserView(String number, String name, String areaCode, boolean secondCallOffering,
                       boolean timeConfigurationRight, String emergencyFallbackCallerId,
                       List<DeviceView> devices, List<String> assistants, ReachView reach,
                       boolean callParking) implements ExtensionView {
    public UserView {
        devices = List.copyOf(devices);
        assistants = List.copyOf(assistants);
    }

    /** Without the call parking right (PARK-01), as before that right was part of the view. */
    public UserView(String number, String name, String areaCode, boolean secondCallOffering,
                    boolean timeConfigurationRight, String emergencyFallbackCallerId,
                    List<DeviceView> devices, List<String> assistants, ReachView reach) {
        this(number, name, areaCode, secondCallOffering, timeConfigurationRight, emergencyFallbackCallerId, devices,
                assistants, reach, false);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.USER;
    }

    public DeviceView device(String deviceName) {
        for (DeviceView d : devices) {
            if (d.name().equals(deviceName)) {
                return d;
            }
        }
        return null;
    }
}
