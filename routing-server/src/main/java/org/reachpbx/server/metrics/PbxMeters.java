package org.reachpbx.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.server.calls.CdrWriter;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.CallHandler;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server's own metrics (docs/operations.md lists them): calls in progress, calls ended by
 * disposition, routing decision time, SIP messages received, registrations, the outbox by state,
 * call events and records dropped. JVM, HTTP and the Hikari pool come from Spring Boot. The SIP
 * parts are optional: with {@code pbx.sip.enabled=false} they are simply absent.
 */
public class PbxMeters implements MeterBinder {

    /** The outbox is counted in the database: at most once per this, however often it is scraped. */
    private static final long OUTBOX_REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private final ObjectProvider<B2bua> b2bua;
    private final ObjectProvider<CallHandler> calls;
    private final ObjectProvider<SipServer> sip;
    private final ObjectProvider<RegistrationStore> registrations;
    private final CdrWriter cdrs;
    private final JdbcTemplate jdbc;
    private volatile Map<OutboxState, Long> outbox = Map.of();
    private volatile long outboxCountedAt;

    public PbxMeters(ObjectProvider<B2bua> b2bua, ObjectProvider<CallHandler> calls, ObjectProvider<SipServer> sip,
                     ObjectProvider<RegistrationStore> registrations, CdrWriter cdrs, JdbcTemplate jdbc) {
        this.b2bua = b2bua;
        this.calls = calls;
        this.sip = sip;
        this.registrations = registrations;
        this.cdrs = cdrs;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        cdrs.meter(registry);
        b2bua.ifAvailable(b -> {
            Gauge.builder("pbx.calls.in.progress", b, B2bua::callsInProgress)
                    .description("calls ringing or answered now").register(registry);
            FunctionCounter.builder("pbx.call.events.dropped", b, B2bua::droppedEvents)
                    .description("call events for the integrations dropped because their queue was full")
                    .register(registry);
        });
        calls.ifAvailable(h -> h.timeDecisions(Timer.builder("pbx.routing.decision")
                .description("time the rules take to decide a call").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofMillis(100))
                .register(registry)));
        sip.ifAvailable(s -> s.meter(registry));
        registrations.ifAvailable(r -> Gauge.builder("pbx.registrations", r, store -> store.registeredChannels(null))
                .description("channels with at least one registered contact").register(registry));
        for (OutboxState state : OutboxState.values()) {
            Gauge.builder("pbx.outbox.messages", this, m -> m.outbox(state)).tag("state", state.name())
                    .description("outbox messages (e-mail, SMS, webhooks, MWI) by state").register(registry);
        }
    }

    private double outbox(OutboxState state) {
        long now = System.nanoTime();
        if (outboxCountedAt == 0 || now - outboxCountedAt > OUTBOX_REFRESH_NANOS) {
            Map<OutboxState, Long> counted = new EnumMap<>(OutboxState.class);
            try {
                jdbc.query("select state, count(*) from outbox_message group by state",
                        rs -> { counted.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2)); });
                outbox = counted;
            } catch (RuntimeException e) {
                // The database is out: the gauge says NaN rather than a stale count.
                outbox = null;
            }
            outboxCountedAt = now;
        }
        Map<OutboxState, Long> o = outbox;
        return o == null ? Double.NaN : o.getOrDefault(state, 0L);
    }
}
