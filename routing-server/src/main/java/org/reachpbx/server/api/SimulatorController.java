package org.reachpbx.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Clock;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.view.TenantView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing simulator: what the rules decide for a call to or from a tenant, with the rules
 * that fired, using the same engine, tenant view and analyst tables as live calls.
 */
@RestController
public class SimulatorController {

    private final TenantViewCache views;
    private final RoutingEngine engine;
    private final Clock clock;

    private final ObjectReader requests;

    public SimulatorController(TenantViewCache views, RoutingEngine engine, Clock clock, ObjectMapper json) {
        this.views = views;
        this.engine = engine;
        this.clock = clock;
        // Stricter than the API's default: a misspelt field must not silently mean "now" or "idle".
        this.requests = json.readerFor(SimulationRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The decision for one simulated call, and the tenant's time zone the times were read in. */
    public record Simulation(long tenantId, String timeZone, RoutingDecision decision) {
    }

    /** Configuration problems the rules would otherwise only meet call by call (NP-14 schedule gaps). */
    public record Warnings(long tenantId, java.util.List<String> warnings) {
    }

    @org.springframework.web.bind.annotation.GetMapping(value = "/api/tenants/{id}/warnings",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Warnings warnings(@PathVariable long id) {
        TenantView view = views.byId(id).orElseThrow(() -> new NotFoundException("no tenant " + id));
        return new Warnings(id, org.reachpbx.rules.view.ConfigurationWarnings.of(view));
    }

    @NotAudited("a simulation changes nothing")
    @PostMapping(value = "/api/tenants/{id}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Simulation simulate(@PathVariable long id, @RequestBody JsonNode body) {
        SimulationRequest request;
        try {
            request = requests.readValue(body);
        } catch (IOException e) {
            throw new BadRequestException("the request cannot be read: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        TenantView view = views.byId(id).orElseThrow(() -> new NotFoundException("no tenant " + id));
        RoutingDecision decision = engine.decide(request.toAttempt(view.zone()), view, clock);
        return new Simulation(id, view.zone().getId(), decision);
    }
}
