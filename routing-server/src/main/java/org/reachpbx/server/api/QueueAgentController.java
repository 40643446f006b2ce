package org.reachpbx.server.api;

import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.queue.QueueDecision;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.media.queue.QueueDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents log in to and out of a queue (QUE-10, QUE-11) as an admin would in Operator, until 903/904
 * by phone exist: the queue rules decide (closed queues: members only; only user extensions). 200
 * with the decision when accepted, 409 with the reason when refused, 404 for an unknown queue.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/queues/{number}/agents/{agent}")
public class QueueAgentController {

    private final ObjectProvider<QueueDispatcher> queues;
    private final TenantViewCache views;

    public QueueAgentController(ObjectProvider<QueueDispatcher> queues, TenantViewCache views) {
        this.queues = queues;
        this.views = views;
    }

    @PostMapping("/login")
    @Audited("Queues: log in")
    public ResponseEntity<QueueDecision.Login> login(@PathVariable long tenantId, @PathVariable String number,
                                                     @PathVariable String agent) {
        return change(tenantId, number, agent, true);
    }

    @PostMapping("/logout")
    @Audited("Queues: log out")
    public ResponseEntity<QueueDecision.Login> logout(@PathVariable long tenantId, @PathVariable String number,
                                                      @PathVariable String agent) {
        return change(tenantId, number, agent, false);
    }

    private ResponseEntity<QueueDecision.Login> change(long tenantId, String number, String agent, boolean in) {
        TenantView view = views.byId(tenantId).orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
        QueueDispatcher dispatcher = queues.getIfAvailable();
        if (dispatcher == null) {
            throw new NotFoundException("Queues do not run on this server (pbx.media.enabled=false)");
        }
        QueueDecision.Login answer = dispatcher.login(view, number, agent, in);
        if (answer == null) {
            throw new NotFoundException("No queue " + number);
        }
        return ResponseEntity.status(answer.accepted() ? HttpStatus.OK : HttpStatus.CONFLICT).body(answer);
    }
}
