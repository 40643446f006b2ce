package org.reachpbx.server.sip.media.forwardmenu;

import java.time.Clock;
import java.util.function.LongFunction;
import org.reachpbx.directory.store.ReachForwards;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceKind;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 910, setting one's own forwards by phone (SYSNUM-02): {@code 1} forward always, {@code 2} on busy,
 * {@code 3} on no answer of the default REACH profile, then the destination and {@code #} ({@code #}
 * alone switches that forward off). The service rules check the destination as REACH-03 says;
 * {@link ReachForwards} stores what they allow.
 */
public final class ForwardMenu implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(ForwardMenu.class);

    private final ServiceEngine engine;
    private final LongFunction<ServiceView> serviceViews;
    private final ReachForwards store;
    private final Clock clock;
    private boolean askedAgain;

    public ForwardMenu(ServiceEngine engine, LongFunction<ServiceView> serviceViews, ReachForwards store, Clock clock) {
        this.engine = engine;
        this.serviceViews = serviceViews;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void start(ServedCall call) {
        if (call.leg().callerUser() == null) {
            say(call, "service-unavailable");
            return;
        }
        askOption(call);
    }

    private void askOption(ServedCall call) {
        call.ask(prompts(call).of("forward-menu-options"), digits(call, 1), key -> {
            if (!key.equals("1") && !key.equals("2") && !key.equals("3")) {
                if (askedAgain) {
                    say(call, "goodbye");
                } else {
                    askedAgain = true;
                    askOption(call);
                }
                return;
            }
            int option = Integer.parseInt(key);
            call.ask(prompts(call).of("forward-enter-destination"), digits(call, 20),
                    destination -> decide(call, option, destination));
        });
    }

    private void decide(ServedCall call, int option, String destination) {
        String user = call.leg().callerUser();
        long tenant = call.leg().tenantId();
        ServiceRequest request = new ServiceRequest(ServiceKind.FORWARD_MENU, user, call.leg().callerChannel(), null,
                DeviceType.FIXED, false, "910", null, option, null, null, destination.isEmpty() ? null : destination,
                null, false, false, false, false, false, null, null, null, null, null, null, null, null);
        call.background(() -> {
            ServiceDecision d = engine.decide(request, call.leg().view(), serviceViews.apply(tenant), clock);
            if (d.outcome() != ServiceOutcome.ALLOWED) {
                return d;
            }
            try {
                store.apply(tenant, user, d.forwardSetting());
                return d;
            } catch (InvalidConfigurationException e) {
                // The tenant's own checks may be stricter than REACH-03 (an outside number where
                // the account allows only extensions): refused like an invalid destination.
                log.info("Call {}: 910 by {} not stored: {}", call.leg().callId(), user, e.getMessage());
                return null;
            }
        }, d -> {
            log.info("Call {}: 910 by {}: {}", call.leg().callId(), user, d == null ? "REFUSED by the store" : d.outcome());
            if (d == null || d.outcome() != ServiceOutcome.ALLOWED) {
                say(call, "forward-invalid", "goodbye");
            } else {
                say(call, d.forwardSetting().destination() == null ? "forward-off" : "forward-set");
            }
        });
    }

    private static DigitSpec digits(ServedCall call, int max) {
        MediaProperties props = call.services().properties();
        return new DigitSpec(max, max == 1 ? 0 : '#', props.getFirstDigit(), props.getInterDigit(), true);
    }

    private static Prompts prompts(ServedCall call) {
        return call.prompts();
    }

    private static void say(ServedCall call, String... prompts) {
        call.play(prompts(call).of(prompts), call::hangUp);
    }
}
