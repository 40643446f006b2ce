package org.reachpbx.rules.services;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * One request to a service, with the live state the decision needs (the engine never reads live
 * state itself). Fields a kind does not use stay null or empty.
 *
 * @param user             the requesting user extension (the supervisor, the parker, the manager…)
 * @param channel          the channel the request comes from (fixed devices)
 * @param device           the user's device the request comes from (by name)
 * @param managedMobile    the request comes from a Managed Mobile device
 * @param dialled          the code as dialled, e.g. "*8202", "93024", "906"
 * @param time             local time in the tenant's zone; null = the clock
 * @param option           a menu option keyed (915, 902 scope, 910), null = not yet asked
 * @param schema           915: the schema number keyed
 * @param plan             915: the plan number keyed
 * @param destination      transfer / 910 / listen-in target
 * @param digits           DTMF keyed during a call; a PIN chosen after 901 with PIN 0000
 * @param held             a call of the user is on hold (DTMF *#)
 * @param consulting       the user is in a consultation (DTMF 1, 2, 3, *#)
 * @param defaultPin       901: the user's PIN is 0000
 * @param accept           901: the user accepted the offer to move the login
 * @param blind            transfer: blind (else attended)
 * @param loggedInChannels 901: the fixed channels the user is logged in on now; 902: every device
 *                         (channel or client) the user is logged in on
 * @param channelUser      901: the user logged in on this channel now (hotdesking)
 * @param ringing          pickup / notify: calls ringing now
 * @param parked           park / retrieve: line → user who parked it
 * @param liveCalls        busy / device switch: calls up per device name of the user
 * @param unreachable      busy / accept: device names that cannot ring now
 * @param rejected         assistant reject: assistants that pressed Reject
 * @param busyAssistants   assistant reject: assistants that were busy
 */
public record ServiceRequest(ServiceKind kind, String user, String channel, String device, DeviceType deviceType,
                             boolean managedMobile, String dialled, LocalDateTime time, Integer option, Integer schema,
                             Integer plan, String destination, String digits, boolean held, boolean consulting,
                             boolean defaultPin, boolean accept, boolean blind, List<String> loggedInChannels,
                             String channelUser, List<RingingCall> ringing, Map<Integer, String> parked,
                             Map<String, Integer> liveCalls, List<String> unreachable, List<String> rejected,
                             List<String> busyAssistants) {
    public ServiceRequest {
        loggedInChannels = loggedInChannels == null ? List.of() : List.copyOf(loggedInChannels);
        ringing = ringing == null ? List.of() : List.copyOf(ringing);
        parked = parked == null ? Map.of() : Map.copyOf(parked);
        liveCalls = liveCalls == null ? Map.of() : Map.copyOf(liveCalls);
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        busyAssistants = busyAssistants == null ? List.of() : List.copyOf(busyAssistants);
    }

    /** A call ringing now: its id, the user it rings at, the group it came through (or null), since when. */
    public record RingingCall(String id, String callee, String group, LocalDateTime since) {
    }
}
