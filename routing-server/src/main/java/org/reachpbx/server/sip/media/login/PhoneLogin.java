package org.reachpbx.server.sip.media.login;

import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.server.sip.devices.DeviceLoginService;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 901, logging in on the phone one calls from (USR-04–07): the extension and its PIN are asked, and
 * the same service rules as the REST login decide (hotdesking, twinning, linked channels). When the
 * rules offer to move the login off the user's other fixed device, the caller confirms with 1.
 * Three wrong PINs end the call. A user whose PIN is still 0000 chooses a new one first (USR-02).
 */
public final class PhoneLogin implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(PhoneLogin.class);
    static final int ATTEMPTS = 3;
    /** The PIN a user must replace before the first login (USR-02). */
    private static final String DEFAULT_PIN = "0000";

    private final DeviceLoginService logins;
    private int wrongPins;
    private int refusedPins;

    public PhoneLogin(DeviceLoginService logins) {
        this.logins = logins;
    }

    @Override
    public void start(ServedCall call) {
        if (call.leg().callerChannel() == null) {
            say(call, "login-refused");
            return;
        }
        askExtension(call);
    }

    private void askExtension(ServedCall call) {
        call.ask(prompts(call).of("enter-extension"), digits(call, 6), user -> {
            if (user.isEmpty()) {
                say(call, "goodbye");
                return;
            }
            call.ask(prompts(call).of("enter-pin"), digits(call, 12), pin -> checkPin(call, user, pin));
        });
    }

    private void checkPin(ServedCall call, String user, String pin) {
        long tenant = call.leg().tenantId();
        call.background(() -> call.leg().view().user(user) != null
                && call.services().voicemail().mailbox().pinOpens(tenant, user, pin), right -> {
            if (right && DEFAULT_PIN.equals(pin)) {
                newPin(call, user);
                return;
            }
            if (right) {
                logIn(call, user, false);
                return;
            }
            log.info("Call {}: 901 with a wrong PIN ({} digits) for {} on {}", call.leg().callId(), pin.length(), user,
                    call.leg().callerChannel());
            if (++wrongPins >= ATTEMPTS) {
                say(call, "wrong-pin", "goodbye");
            } else {
                call.play(prompts(call).of("wrong-pin"), () -> askExtension(call));
            }
        });
    }

    /** USR-02: with the PIN 0000 a new PIN is chosen first, under the PIN rules, then the login goes on. */
    private void newPin(ServedCall call, String user) {
        long tenant = call.leg().tenantId();
        call.ask(prompts(call).of("enter-new-pin"), digits(call, 12), pin ->
                call.background(() -> call.services().voicemail().mailbox().changePin(tenant, user, pin), result -> {
                    if (result.accepted() && !DEFAULT_PIN.equals(pin)) {
                        logIn(call, user, false);
                    } else if (++refusedPins >= ATTEMPTS) {
                        say(call, "pin-not-accepted", "goodbye");
                    } else {
                        call.play(prompts(call).of("pin-not-accepted"), () -> newPin(call, user));
                    }
                }));
    }

    private void logIn(ServedCall call, String user, boolean accept) {
        long tenant = call.leg().tenantId();
        String channel = call.leg().callerChannel();
        call.background(() -> logins.logIn(tenant, user, channel, accept), result -> {
            log.info("Call {}: 901 {} on {}: {} {}", call.leg().callId(), user, channel, result.outcome(),
                    result.reason() == null ? "" : result.reason());
            if (result.outcome() == ServiceOutcome.ALLOWED) {
                say(call, "login-ok");
            } else if (result.outcome() == ServiceOutcome.COLLECT && !accept) {
                call.ask(prompts(call).of("login-move"), digits(call, 1),
                        key -> {
                            if ("1".equals(key)) {
                                logIn(call, user, true);
                            } else {
                                say(call, "goodbye");
                            }
                        });
            } else {
                say(call, "login-refused");
            }
        });
    }

    static DigitSpec digits(ServedCall call, int max) {
        MediaProperties props = call.services().properties();
        return new DigitSpec(max, max == 1 ? 0 : '#', props.getFirstDigit(), props.getInterDigit(), true);
    }

    static Prompts prompts(ServedCall call) {
        return call.prompts();
    }

    /** The last words, then the server hangs up. */
    static void say(ServedCall call, String... prompts) {
        call.play(prompts(call).of(prompts), call::hangUp);
    }
}
