package org.reachpbx.server.sip;

import java.time.Clock;
import java.util.Locale;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.SipCredentials.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First slice of the B2BUA: an INVITE from a channel is authenticated (407 digest, realm = the From
 * domain), turned into a {@link CallAttempt} and decided by the routing engine. A REJECT decision
 * is answered with its SIP status and a Reason header. Executing the other outcomes (RING, MEDIA,
 * COLLECT) is not built yet: those calls are answered 480 with the outcome in the reason.
 */
public class CallHandler {

    private static final Logger log = LoggerFactory.getLogger(CallHandler.class);

    private final Registrar registrar;
    private final TenantViewCache views;
    private final RoutingEngine engine;
    private final Clock clock;
    private volatile SipServer server;

    public CallHandler(Registrar registrar, TenantViewCache views, RoutingEngine engine, Clock clock) {
        this.registrar = registrar;
        this.views = views;
        this.engine = engine;
        this.clock = clock;
    }

    void attach(SipServer sipServer) {
        this.server = sipServer;
    }

    void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from == null || !(from.getAddress().getURI() instanceof SipURI fromUri) || fromUri.getUser() == null
                || !(request.getRequestURI() instanceof SipURI target) || target.getUser() == null) {
            server.reply(event, Response.BAD_REQUEST, "From and request URI must be sip: URIs with a user part");
            return;
        }
        String realm = fromUri.getHost().toLowerCase(Locale.ROOT);
        Credential channel = registrar.authenticate(event, realm, fromUri.getUser(), true);
        if (channel == null) {
            return;
        }
        TenantView view = views.byId(channel.tenantId()).orElse(null);
        if (view == null) {
            server.reply(event, Response.TEMPORARILY_UNAVAILABLE, "Tenant not loaded");
            return;
        }
        ChannelView channelView = view.channel(channel.channel());
        String user = channelView == null ? null : channelView.coupledUser();
        CallAttempt attempt = CallAttempt.fromDevice(user, channel.channel(), target.getUser())
                .sourceIp(Registrar.sourceOf(request)).build();
        RoutingDecision decision = engine.decide(attempt, view, clock);
        if (decision.outcome() == RoutingDecision.Outcome.REJECT && decision.reject() != null) {
            int status = decision.reject().sipStatus();
            String reason = decision.reject().reason();
            Response response = server.messages().createResponse(status, request);
            ReasonHeader header = server.headers().createReasonHeader("SIP", status,
                    (reason == null ? decision.reject().cause().name() : reason).replace('"', '\''));
            response.addHeader(header);
            server.send(event, response);
            log.info("Call {} -> {} rejected {} ({})", channel.channel(), target.getUser(), status, reason);
            return;
        }
        server.reply(event, Response.TEMPORARILY_UNAVAILABLE,
                "Routing decided " + decision.outcome() + "; executing it is not implemented yet");
    }
}
