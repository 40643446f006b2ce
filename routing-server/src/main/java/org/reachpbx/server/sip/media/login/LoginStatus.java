package org.reachpbx.server.sip.media.login;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * 900, the login status of the phone one calls from (USR-09): the user linked to the channel or
 * logged in on it, said digit by digit, or that nobody is; then the server hangs up.
 */
public final class LoginStatus implements MediaScript {

    /** The user logged in on a channel (tenant, channel → extension or null). */
    private final BiFunction<Long, String, String> loggedIn;

    public LoginStatus(BiFunction<Long, String, String> loggedIn) {
        this.loggedIn = loggedIn;
    }

    @Override
    public void start(ServedCall call) {
        String channel = call.leg().callerChannel();
        if (channel == null) {
            PhoneLogin.say(call, "login-refused");
            return;
        }
        ChannelView c = call.leg().view().channel(channel);
        long tenant = call.leg().tenantId();
        call.background(() -> c != null && c.coupledUser() != null ? c.coupledUser() : loggedIn.apply(tenant, channel),
                user -> {
                    if (user == null) {
                        PhoneLogin.say(call, "login-status-none");
                        return;
                    }
                    List<Prompt> sentence = new ArrayList<>(PhoneLogin.prompts(call).of("login-status-user"));
                    for (char d : user.toCharArray()) {
                        sentence.add(PhoneLogin.prompts(call).get("number-" + d));
                    }
                    call.play(sentence, call::hangUp);
                });
    }
}
