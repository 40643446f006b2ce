package org.reachpbx.server.sip.media.planmenu;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;
import org.reachpbx.directory.store.NumberPlanChanges;
import org.reachpbx.integrations.voicemail.Box;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceKind;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 915, the number-plan menu (NP-16–21), by system code or through a system extension (SYS-01/02).
 * The service rules lead: each answer goes back to them, and they ask for the next item (option 1
 * temporary change, 2 permanent override, 3 back to the schedule; the schema when the tenant has
 * several; the plan), refuse (no time configuration right, an unknown schema or plan), or allow
 * with a plan change, which {@link NumberPlanChanges} stores. A caller who is not a user of the
 * tenant (an outside caller through a system extension) first keys an extension and its PIN.
 */
public final class PlanMenu implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(PlanMenu.class);
    /** Asking for the same item more often than this ends the call (nothing usable keyed). */
    private static final int MAX_ASKS = 3;

    private final ServiceEngine engine;
    private final LongFunction<ServiceView> serviceViews;
    private final NumberPlanChanges store;
    private final Clock clock;
    private String user;
    private Integer option;
    private Integer schema;
    private Integer plan;
    private String lastAsk;
    private int asks;

    public PlanMenu(ServiceEngine engine, LongFunction<ServiceView> serviceViews, NumberPlanChanges store, Clock clock) {
        this.engine = engine;
        this.serviceViews = serviceViews;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void start(ServedCall call) {
        user = call.leg().callerUser();
        if (user != null) {
            next(call);
            return;
        }
        call.ask(prompts(call).of("enter-extension"), digits(call, 6), ext ->
                call.ask(prompts(call).of("enter-pin"), digits(call, 12), pin ->
                        call.background(() -> identify(call, ext, pin), language -> {
                            if (language.isEmpty()) {
                                say(call, "wrong-pin", "goodbye");
                                return;
                            }
                            user = ext;
                            call.identifiedAs(language.get());
                            next(call);
                        })));
    }

    /** The user's language when {@code ext} is a user whose PIN is {@code pin}, else empty. */
    private static Optional<Language> identify(ServedCall call, String ext, String pin) {
        long tenant = call.leg().tenantId();
        if (call.leg().view().user(ext) == null || !call.services().voicemail().mailbox().pinOpens(tenant, ext, pin)) {
            return Optional.empty();
        }
        return Optional.of(call.services().voicemail().boxes().find(tenant, ext).map(Box::language).orElse(Language.NL));
    }

    /** Asks the rules what comes next with what was keyed so far. */
    private void next(ServedCall call) {
        long tenant = call.leg().tenantId();
        ServiceRequest request = new ServiceRequest(ServiceKind.PLAN_MENU, user, call.leg().callerChannel(), null,
                DeviceType.FIXED, false, "915", null, option, schema, plan, null, null, false, false, false, false,
                false, null, null, null, null, null, null, null, null);
        call.background(() -> engine.decide(request, call.leg().view(), serviceViews.apply(tenant), clock),
                d -> carryOut(call, d));
    }

    private void carryOut(ServedCall call, ServiceDecision d) {
        switch (d.outcome()) {
            case COLLECT -> ask(call, d.ask());
            case ALLOWED -> {
                long tenant = call.leg().tenantId();
                call.background(() -> {
                    store.apply(tenant, d.planChange(), user);
                    return d.planChange();
                }, change -> {
                    log.info("Call {}: 915 by {}: {}", call.leg().callId(), user, d.reason());
                    say(call, "plan-changed");
                });
            }
            default -> {
                log.info("Call {}: 915 by {} refused: {}", call.leg().callId(), user, d.reason());
                say(call, "915-not-allowed".equals(d.announcement()) ? "plan-not-allowed" : "plan-invalid", "goodbye");
            }
        }
    }

    private void ask(ServedCall call, String what) {
        asks = what.equals(lastAsk) ? asks + 1 : 1;
        lastAsk = what;
        if (asks > MAX_ASKS) {
            say(call, "goodbye");
            return;
        }
        switch (what) {
            case "PLAN_MENU_OPTION" -> call.ask(prompts(call).of("plan-menu-options"), digits(call, 1), key -> {
                option = number(key);
                next(call);
            });
            case "SCHEMA" -> call.ask(prompts(call).of("plan-enter-schema"), digits(call, 3), key -> {
                schema = number(key);
                next(call);
            });
            case "PLAN" -> call.ask(prompts(call).of("plan-enter-plan"), digits(call, 3), key -> {
                plan = number(key);
                next(call);
            });
            default -> {
                log.warn("Call {}: the 915 rules asked for '{}', which this menu does not know", call.leg().callId(), what);
                say(call, "service-unavailable");
            }
        }
    }

    private static Integer number(String keyed) {
        return keyed.isEmpty() || keyed.length() > 3 ? null : Integer.valueOf(keyed);
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
