package org.reachpbx.server.sip.media.login;

import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 907, changing one's PIN (USR-09): the current PIN, then the new one, which must pass the PIN
 * rules (USR-02: the store refuses what they refuse; the caller may try again). Only a user's
 * phone may change that user's PIN; three wrong current PINs end the call.
 */
public final class PinChange implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(PinChange.class);

    private int wrongPins;
    private int refusedPins;

    @Override
    public void start(ServedCall call) {
        if (call.leg().callerUser() == null) {
            PhoneLogin.say(call, "login-refused");
            return;
        }
        askCurrent(call);
    }

    private void askCurrent(ServedCall call) {
        String user = call.leg().callerUser();
        long tenant = call.leg().tenantId();
        call.ask(PhoneLogin.prompts(call).of("enter-pin"), PhoneLogin.digits(call, 12), pin ->
                call.background(() -> call.services().voicemail().mailbox().pinOpens(tenant, user, pin), right -> {
                    if (right) {
                        askNew(call);
                    } else if (++wrongPins >= PhoneLogin.ATTEMPTS) {
                        PhoneLogin.say(call, "wrong-pin", "goodbye");
                    } else {
                        call.play(PhoneLogin.prompts(call).of("wrong-pin"), () -> askCurrent(call));
                    }
                }));
    }

    private void askNew(ServedCall call) {
        String user = call.leg().callerUser();
        long tenant = call.leg().tenantId();
        call.ask(PhoneLogin.prompts(call).of("enter-new-pin"), PhoneLogin.digits(call, 12), pin ->
                call.background(() -> call.services().voicemail().mailbox().changePin(tenant, user, pin), result -> {
                    if (result.accepted()) {
                        log.info("Call {}: 907, {} changed the PIN", call.leg().callId(), user);
                        PhoneLogin.say(call, "pin-changed");
                    } else if (++refusedPins >= PhoneLogin.ATTEMPTS) {
                        PhoneLogin.say(call, "pin-not-accepted", "goodbye");
                    } else {
                        call.play(PhoneLogin.prompts(call).of("pin-not-accepted"), () -> askNew(call));
                    }
                }));
    }
}
