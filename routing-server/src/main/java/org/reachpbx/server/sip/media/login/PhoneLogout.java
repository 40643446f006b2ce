package org.reachpbx.server.sip.media.login;

import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.server.sip.devices.DeviceLoginService;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 902, logging out (USR-05): 1 logs the user out of this phone, 2 out of all their phones; the
 * service rules decide (a linked channel cannot be logged out of, USR-10).
 */
public final class PhoneLogout implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(PhoneLogout.class);

    private final DeviceLoginService logins;
    private boolean askedAgain;

    public PhoneLogout(DeviceLoginService logins) {
        this.logins = logins;
    }

    @Override
    public void start(ServedCall call) {
        if (call.leg().callerChannel() == null) {
            PhoneLogin.say(call, "login-refused");
            return;
        }
        ask(call);
    }

    private void ask(ServedCall call) {
        call.ask(PhoneLogin.prompts(call).of("logout-scope"), PhoneLogin.digits(call, 1), key -> {
            if (!"1".equals(key) && !"2".equals(key)) {
                if (askedAgain) {
                    PhoneLogin.say(call, "goodbye");
                } else {
                    askedAgain = true;
                    ask(call);
                }
                return;
            }
            long tenant = call.leg().tenantId();
            String channel = call.leg().callerChannel();
            call.background(() -> logins.logOut(tenant, channel, "2".equals(key)), result -> {
                log.info("Call {}: 902 on {} ({}): {} {}", call.leg().callId(), channel, key, result.outcome(),
                        result.reason() == null ? "" : result.reason());
                PhoneLogin.say(call, result.outcome() == ServiceOutcome.ALLOWED ? "logout-ok" : "login-refused");
            });
        });
    }
}
