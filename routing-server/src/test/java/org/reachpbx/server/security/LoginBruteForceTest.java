package org.reachpbx.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.access.AuditEntry;
import org.reachpbx.directory.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, item 13 on the running server: 50 wrong passwords over HTTP Basic are not all answered;
 * after five the account is refused from that address with 429 (no password checked), each failure is
 * logged in one line without the password and audited, the form login says it is locked, and another
 * account from the same address still gets in. Other addresses and the end of the lock: LoginThrottleTest.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LoginBruteForceTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    AuditTrail audit;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void forget() {
        throttle.reset();
    }

    @Test
    void fiftyWrongPasswordsOverBasicAreRefusedAfterFiveLoggedAndAudited(CapturedOutput output) throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(get("/api/tenants", "analyst", "wrong-guess-" + i).statusCode());
        }
        assertThat(answers.subList(0, 5)).containsOnly(401);
        assertThat(answers.subList(5, 50)).containsOnly(429);
        HttpResponse<String> locked = get("/api/tenants", "analyst", "demo-analyst");
        assertThat(locked.statusCode()).as("even the right password, from this address, for now").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();

        assertThat(get("/api/tenants", "admin", "demo-admin").statusCode()).as("another account").isEqualTo(200);

        List<AuditEntry> failed = audit.latest(200).stream()
                .filter(e -> e.getAction().equals("Login: failed") && e.getUsername().equals("analyst")).toList();
        assertThat(failed).hasSize(5);
        assertThat(failed.get(0).getDetail()).contains("from 127.0.0.1").contains("refused");
        assertThat(output.getAll()).contains("Login failed for 'analyst' from 127.0.0.1")
                .doesNotContain("wrong-guess-");
    }

    @Test
    void aLockedFormLoginIsSentBackWithAMessage() throws Exception {
        WebLogin browser = new WebLogin(port);
        for (int i = 0; i < 5; i++) {
            WebLogin.Page page = browser.loginPage();
            HttpResponse<String> wrong = browser.post(page.session(), page.csrf(), "tenantadmin", "wrong-" + i, null);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("error");
        }
        WebLogin.Page page = browser.loginPage();
        HttpResponse<String> refused = browser.post(page.session(), page.csrf(), "tenantadmin", "demo-tenant", null);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?locked");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
