package org.reachpbx.server.api;

import org.reachpbx.server.sip.edge.SipEdge;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SIP edge over REST (platform admins, docs/sip-edge.md): the bans in force, what was dropped,
 * refused or unparseable since start, the limits and the allowlist; and lifting a ban.
 */
@RestController
@ConditionalOnProperty(name = "pbx.sip.enabled", havingValue = "true", matchIfMissing = true)
public class SipEdgeController {

    private final SipEdge edge;

    public SipEdgeController(SipEdge edge) {
        this.edge = edge;
    }

    @GetMapping(value = "/api/sip/edge", produces = MediaType.APPLICATION_JSON_VALUE)
    public SipEdge.Snapshot edge() {
        return edge.snapshot();
    }

    @DeleteMapping("/api/sip/edge/bans/{address}")
    @Audited("SIP edge: lift ban")
    public ResponseEntity<Void> unban(@PathVariable String address) {
        if (!edge.unban(address)) {
            throw new NotFoundException("no ban for " + address);
        }
        return ResponseEntity.noContent().build();
    }
}
