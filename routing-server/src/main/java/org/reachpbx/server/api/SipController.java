package org.reachpbx.server.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.integrations.mwi.RegistrationDirectory.ChannelRegistration;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.devices.DeviceLoginService;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.devices.UserDevices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SIP side of a tenant over REST: each channel with its linked or logged-in user and its live
 * registrations (contact, source address and port, user agent, expiry); logging users in and out
 * of channels (901/902 for now); and the server's SIP counters.
 */
@RestController
@ConditionalOnProperty(name = "pbx.sip.enabled", havingValue = "true", matchIfMissing = true)
public class SipController {

    private final TenantViewCache views;
    private final UserDevices devices;
    private final DeviceLogins logins;
    private final DeviceLoginService loginService;
    private final Registrar registrar;
    private final B2bua b2bua;

    public SipController(TenantViewCache views, UserDevices devices, DeviceLogins logins,
                         DeviceLoginService loginService, Registrar registrar, B2bua b2bua) {
        this.views = views;
        this.devices = devices;
        this.logins = logins;
        this.loginService = loginService;
        this.registrar = registrar;
        this.b2bua = b2bua;
    }

    /** One channel: who it rings for and where it is registered (grey = none, CH-06). */
    public record ChannelState(String channel, String linkedUser, String loggedInUser, boolean registered,
                               List<Registration> registrations) {
    }

    public record Registration(String contact, String source, String userAgent, Instant expires, String device) {
    }

    public record LoginRequest(String user, String channel, Boolean accept) {
    }

    public record SipStatus(int callsInProgress, long authenticationFailures, long droppedCallEvents) {
    }

    @GetMapping(value = "/api/tenants/{id}/channels", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ChannelState> channels(@PathVariable long id) {
        TenantView view = views.byId(id).orElseThrow(() -> new NotFoundException("no tenant " + id));
        return view.channels().values().stream().sorted(Comparator.comparing(ChannelView::name))
                .map(c -> state(id, c)).toList();
    }

    private ChannelState state(long tenantId, ChannelView c) {
        List<Registration> regs = devices.registrationsOf(tenantId, c.name()).stream().map(SipController::registration)
                .toList();
        return new ChannelState(c.name(), c.coupledUser(), logins.userOn(tenantId, c.name()), !regs.isEmpty(), regs);
    }

    private static Registration registration(ChannelRegistration r) {
        return new Registration(r.contact(), r.sourceAddress() + ":" + r.sourcePort(), r.userAgent(), r.expires(),
                r.device());
    }

    /**
     * Logs a user in on a channel. 200 when done; 409 with {@code ask} when the rules first offer
     * to move the login off the user's other fixed devices (send again with {@code accept: true});
     * 403 when refused (e.g. a channel linked to another user).
     */
    @Audited("Device logins: log in")
    @PostMapping(value = "/api/tenants/{id}/logins", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeviceLoginService.Result> logIn(@PathVariable long id, @RequestBody LoginRequest request) {
        if (request.user() == null || request.channel() == null) {
            throw new BadRequestException("user and channel are required");
        }
        ApiAudit.note("user " + request.user() + " on channel " + request.channel()
                + (Boolean.TRUE.equals(request.accept()) ? ", moving the login off the other devices" : ""));
        try {
            return answer(loginService.logIn(id, request.user(), request.channel(), Boolean.TRUE.equals(request.accept())));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** Logs out whoever is logged in on the channel; {@code all=true} logs that user out of every device. */
    @Audited("Device logins: log out")
    @DeleteMapping(value = "/api/tenants/{id}/channels/{channel}/login", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeviceLoginService.Result> logOut(@PathVariable long id, @PathVariable String channel,
                                                            @RequestParam(defaultValue = "false") boolean all) {
        ApiAudit.note("channel " + channel + (all ? ", the user's every device" : ""));
        try {
            return answer(loginService.logOut(id, channel, all));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private static ResponseEntity<DeviceLoginService.Result> answer(DeviceLoginService.Result r) {
        HttpStatus status = r.outcome() == ServiceOutcome.ALLOWED ? HttpStatus.OK
                : r.outcome() == ServiceOutcome.COLLECT ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
        return ResponseEntity.status(status).body(r);
    }

    @GetMapping(value = "/api/sip/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public SipStatus status() {
        return new SipStatus(b2bua.callsInProgress(), registrar.authenticationFailures(), b2bua.droppedEvents());
    }
}
