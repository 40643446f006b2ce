package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * 910 by phone (SYSNUM-02): Cor (203) sets his forward always to 202, the routing
 * follows it at once, and # alone switches it off; an invalid destination is refused.
 */
class ForwardMenuTest extends MediaTestSupport {

    @Autowired
    org.reachpbx.directory.access.AuditTrail audit;

    @Autowired
    TenantEditor editor;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void noForwardLeft() {
        Tenant draft = editor.draft(mediaTenant).orElseThrow();
        profile(draft).setForwardAlways(null);
        editor.save(draft);
    }

    private static ReachProfile profile(Tenant t) {
        return ((UserExtension) t.extension("203").orElseThrow()).getReach().getDefaultProfile();
    }

    private String forwardAlways() {
        return profile(editor.draft(mediaTenant).orElseThrow()).getForwardAlways();
    }

    /** What the simulator decides now for 201 calling 203. */
    private String simulated() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"from\":\"device\",\"callerExtension\":\"201\",\"channel\":\"mch201\",\"dialled\":\"203\"}";
        return http.withBasicAuth("admin", "demo-admin")
                .postForEntity("/api/tenants/" + mediaTenant + "/simulate", new HttpEntity<>(body, headers), String.class)
                .getBody();
    }

    private void nineTen(String option, String destination) throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone cor = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = cor.call("910");
        connected(call, rtp);
        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(15));
        assertThat(at).as("the options").isPositive();
        rtp.sendDigits(option).get(5, TimeUnit.SECONDS);
        assertThat(awaitPrompt(rtp, at, Duration.ofSeconds(15))).as("asked for the destination").isPositive();
        rtp.sendDigits(destination).get(5, TimeUnit.SECONDS);
        assertThat(cor.byes.poll(20, TimeUnit.SECONDS)).as("said so, then released").isNotNull();
        cor.register(0, "SHA-256");
    }

    @Test
    void forwardAlwaysIsSetByPhoneAndSwitchedOffWithHashAlone() throws Exception {
        nineTen("1", "202#");
        assertThat(forwardAlways()).as("stored in the default REACH profile").isEqualTo("202");
        assertThat(audit.latest(mediaTenant, 10)).as("audited like the same change in the UI (issue 12)")
                .anySatisfy(e -> {
                    assertThat(e.getAction()).isEqualTo("REACH: forward by phone");
                    assertThat(e.getUsername()).isEqualTo("phone 203");
                    assertThat(e.getDetail()).contains("910 user 203", "forwardAlways", "202");
                });
        assertThat(awaitTrue(() -> simulated().contains("\"user\":\"202\""), Duration.ofSeconds(5)))
                .as("calls to 203 are forwarded to 202 now").isTrue();
        nineTen("1", "#");
        assertThat(forwardAlways()).as("switched off").isNull();
    }

    @Test
    void anInvalidDestinationIsRefusedAndNothingChanges() throws Exception {
        long before = audit.latest(mediaTenant, 100).stream().filter(e -> e.getAction().equals("REACH: forward by phone")).count();
        nineTen("1", "99#");
        assertThat(forwardAlways()).isNull();
        assertThat(audit.latest(mediaTenant, 100).stream().filter(e -> e.getAction().equals("REACH: forward by phone")).count())
                .as("a refused change is not audited as made").isEqualTo(before);
        // The account allows only extensions as forwards: an outside number is refused by its checks.
        nineTen("1", "0612345678#");
        assertThat(forwardAlways()).isNull();
    }
}
