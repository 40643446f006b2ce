package org.reachpbx.server.sip.subscriptions;

import java.time.Clock;
import java.time.LocalDateTime;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.ReachView;
import org.reachpbx.rules.view.StatusView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.Presence;
import org.reachpbx.server.sip.devices.UserDevices;

/**
 * The presence a user shows now (REACH-17): the presence of the active REACH status (the manual
 * status while it runs, else the first status whose times hold now, as the REACH rules choose),
 * and for Automatic (or no status) the live state: red in a call, green logged in on a DESKTOP or
 * MOBILE client, blue on fixed devices only, grey nowhere.
 */
final class ReachPresence {

    /** The colour shown, and whether the PIDF basic status is open. */
    enum Colour {
        GREEN(true, "available"), BLUE(true, "available"), RED(true, "busy"), ORANGE(true, "away"),
        GREY(false, "offline");

        final boolean open;
        final String note;

        Colour(boolean open, String note) {
            this.open = open;
            this.note = note;
        }
    }

    private final UserDevices devices;
    private final DialogStates calls;
    private final Clock clock;

    ReachPresence(UserDevices devices, DialogStates calls, Clock clock) {
        this.devices = devices;
        this.calls = calls;
        this.clock = clock;
    }

    Colour of(TenantView view, String user) {
        UserView u = view.user(user);
        if (u == null) {
            return Colour.GREY;
        }
        Presence set = statusPresence(u.reach(), LocalDateTime.now(clock.withZone(view.zone())));
        return switch (set) {
            case OFFLINE -> Colour.GREY;
            case BUSY -> Colour.RED;
            case AWAY -> Colour.ORANGE;
            case AUTOMATIC -> automatic(view, u);
        };
    }

    private static Presence statusPresence(ReachView reach, LocalDateTime now) {
        if (reach == null) {
            return Presence.AUTOMATIC;
        }
        StatusView status = null;
        if (reach.manualStatus() != null && (reach.manualStatusUntil() == null || now.isBefore(reach.manualStatusUntil()))) {
            status = reach.status(reach.manualStatus());
        }
        if (status == null) {
            for (StatusView s : reach.statuses()) {
                if (s.activeAt(now)) {
                    status = s;
                    break;
                }
            }
        }
        return status == null || status.presence() == null ? Presence.AUTOMATIC : status.presence();
    }

    private Colour automatic(TenantView view, UserView u) {
        if (calls.inCall(view.tenantId(), u.number())) {
            return Colour.RED;
        }
        boolean fixed = false;
        for (DeviceView d : u.devices()) {
            boolean on = devices.destinations(view, u.number(), d.name()).stream().anyMatch(p -> p.contact() != null);
            if (on && (d.type() == DeviceType.DESKTOP || d.type() == DeviceType.MOBILE)) {
                return Colour.GREEN;
            }
            fixed |= on;
        }
        return fixed ? Colour.BLUE : Colour.GREY;
    }

    /** The PIDF document (RFC 3863) with the RPID activity (RFC 4480) and the colour as a note. */
    static String pidf(String entity, Colour colour) {
        String activity = switch (colour) {
            case RED -> "<rpid:busy/>";
            case ORANGE -> "<rpid:away/>";
            default -> "<rpid:unknown/>";
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + Xml.escape(entity) + "\">\n"
                + "  <tuple id=\"reach\"><status><basic>" + (colour.open ? "open" : "closed") + "</basic></status>"
                + "<note>" + colour.note + "</note></tuple>\n"
                + "  <dm:person id=\"user\"><rpid:activities>" + activity + "</rpid:activities>"
                + "<dm:note>" + colour.name().toLowerCase(java.util.Locale.ROOT) + "</dm:note></dm:person>\n"
                + "</presence>\n";
    }
}
