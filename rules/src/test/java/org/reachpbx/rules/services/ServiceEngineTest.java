package org.reachpbx.rules.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.rules.time.WeeklyWindow;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.PlanView;
import org.reachpbx.rules.view.ScheduleEntryView;
import org.reachpbx.rules.view.SchemaView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;

class ServiceEngineTest {
    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    static final ServiceEngine ENGINE = new ServiceEngine();

    static TenantView view() {
        Map<String, ExtensionView> ext = new HashMap<>();
        ext.put("201", new UserView("201", "A", "020", false, true, null,
                List.of(new DeviceView("Desk", DeviceType.FIXED, "k1", null), new DeviceView("DESKTOP", DeviceType.DESKTOP, null, null)),
                List.of(), null));
        ext.put("202", new UserView("202", "B", "020", true, false, null,
                List.of(new DeviceView("Desk", DeviceType.FIXED, "k2", null)), List.of(), null));
        SchemaView schema = new SchemaView(1, "S", null,
                Map.of(1, new PlanView(1, "Open", Map.of()), 2, new PlanView(2, "Dicht", Map.of())),
                List.of(new ScheduleEntryView(0, WeeklyWindow.perDay(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "17:00"), 1),
                        new ScheduleEntryView(1, WeeklyWindow.period(DayOfWeek.MONDAY, "00:00", DayOfWeek.SUNDAY, "24:00"), 2)),
                List.of());
        return new TenantView(1, "t", 3, AMS, null, 3, Set.of(), false, List.of(), ext, Map.of(), Map.of(1, schema),
                Map.of("k1", new ChannelView("k1", "020", 2, null, null), "k2", new ChannelView("k2", "020", 3, null, "202")),
                Map.of());
    }

    static ServiceView services() {
        return new ServiceView(List.of(new RightView("G", "201", "202", true, true, true, 5, true, true)),
                Set.of("201"), Set.of("201"), true, true, Set.of("201"), Map.of("k2", "202"), Map.of());
    }

    static ServiceRequest request(ServiceKind kind, String user, String dialled, Map<Integer, String> parked,
                                  List<RingingCall> ringing) {
        return new ServiceRequest(kind, user, null, null, null, false, dialled, LocalDateTime.parse("2026-11-24T10:00"),
                null, null, null, null, null, false, false, false, false, false, List.of(), null, ringing, parked,
                Map.of(), List.of(), List.of(), List.of());
    }

    static ServiceDecision decide(ServiceRequest r) {
        return ENGINE.decide(r, view(), services(), Clock.systemUTC());
    }

    @Test
    void theHundredthParkIsRefusedAndTheCallStaysConnected() {
        Map<Integer, String> parked = new HashMap<>();
        for (int i = 1; i <= 99; i++) {
            parked.put(i, "202");
        }
        ServiceDecision d = decide(request(ServiceKind.PARK, "201", "*6", parked, List.of()));
        assertThat(d.outcome()).isEqualTo(ServiceOutcome.REFUSED);
        assertThat(d.announcement()).isEqualTo("park-full");
        assertThat(d.continueWith()).isEqualTo("STAY_CONNECTED");
        assertThat(d.trace()).extracting(FiredRule::requirement).containsExactly("PARK-02");
    }

    @Test
    void line99IsTheLastFreeLine() {
        Map<Integer, String> parked = new HashMap<>();
        for (int i = 1; i <= 98; i++) {
            parked.put(i, "202");
        }
        assertThat(decide(request(ServiceKind.PARK, "201", "*6", parked, List.of())).parkLine()).isEqualTo(99);
    }

    @Test
    void everyDecisionNamesItsRequirementAndSessionsDoNotLeak() {
        ServiceDecision first = decide(request(ServiceKind.PICKUP, "201", "*8202", Map.of(),
                List.of(new RingingCall("c", "202", null, LocalDateTime.parse("2026-11-24T09:59")))));
        assertThat(first.outcome()).isEqualTo(ServiceOutcome.ALLOWED);
        assertThat(first.pickedUpCall()).isEqualTo("c");
        ServiceDecision second = decide(request(ServiceKind.PICKUP, "202", "*8201", Map.of(), List.of()));
        assertThat(second.outcome()).isEqualTo(ServiceOutcome.REFUSED);
        assertThat(second.pickedUpCall()).isNull();
        assertThat(second.trace()).hasSize(1);
        assertThat(second.trace().get(0).rule()).startsWith("GEN-02 ");
    }

    @Test
    void listenInAndRetrieveFollowTheFlags() {
        assertThat(decide(request(ServiceKind.LISTEN_IN, "201", "906202", Map.of(), List.of())).mode()).isEqualTo("LISTEN");
        assertThat(decide(request(ServiceKind.LISTEN_IN, "202", "906201", Map.of(), List.of())).outcome())
                .isEqualTo(ServiceOutcome.REFUSED);
        assertThat(decide(request(ServiceKind.RETRIEVE, "201", "9307", Map.of(7, "202"), List.of())).outcome())
                .isEqualTo(ServiceOutcome.ALLOWED);
        assertThat(decide(request(ServiceKind.RETRIEVE, "202", "9307", Map.of(7, "201"), List.of())).outcome())
                .isEqualTo(ServiceOutcome.REFUSED);
    }

    @Test
    void notificationsCarryTheDelay() {
        ServiceDecision d = decide(request(ServiceKind.NOTIFY, null, null, Map.of(),
                List.of(new RingingCall("c", "202", null, LocalDateTime.parse("2026-11-24T09:59")))));
        assertThat(d.notifications()).containsExactly(new ServiceDecision.Notification("201", 5));
    }
}
