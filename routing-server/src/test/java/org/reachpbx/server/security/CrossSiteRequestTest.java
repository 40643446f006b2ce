package org.reachpbx.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, item 11: a hostile web page cannot act with the rights of an admin who is logged in to
 * the admin UI in the same browser. The REST API takes no session (only HTTP Basic), refuses the
 * content types a page may send without asking and requests another site started; the session
 * cookie is SameSite; the login form needs Spring's CSRF token.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossSiteRequestTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:demo-admin".getBytes());
    private static final String TENANT = """
            name: Csrf BV
            sipDomain: csrf.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0301110000"
            numbers:
              - number: "0301110000"
            """;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theUisSessionCookieAloneGetsNothingFromTheApi() throws Exception {
        WebLogin browser = new WebLogin(port);
        String session = browser.login("admin", "demo-admin");
        assertThat(browser.get("/ui/", session).statusCode()).as("the session works for the UI").isEqualTo(200);

        assertThat(browser.get("/api/tenants", session).statusCode()).isEqualTo(401);
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/tenants"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(TENANT)));
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void theApiCreatesNoSession() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/tenants")).header("Authorization", BASIC));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anImportAsTextPlainIs415() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/tenants")).header("Authorization", BASIC)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(TENANT)));
        assertThat(answer.statusCode()).isEqualTo(415);
    }

    @Test
    void aRequestAnotherSiteStartedIsRefusedEvenWithBasicCredentials() throws Exception {
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/api/tenants")).header("Authorization", BASIC)
                .header("Origin", "https://evil.example").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(TENANT)));
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = send(HttpRequest.newBuilder(uri("/api/tenants")).header("Authorization", BASIC)
                .header("Sec-Fetch-Site", "cross-site").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(TENANT)));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // The server's own origin and reading are fine.
        HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/api/tenants")).header("Authorization", BASIC)
                .header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin"));
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/ui/login")));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() throws Exception {
        WebLogin browser = new WebLogin(port);
        WebLogin.Page page = browser.loginPage();
        assertThat(page.csrf()).as("the login page carries Spring's CSRF token").isNotBlank();

        HttpResponse<String> withoutToken = browser.post(page.session(), null, "admin", "demo-admin", null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/ui/", page.session()).statusCode()).as("not logged in").isNotEqualTo(200);

        HttpResponse<String> withToken = browser.post(page.session(), page.csrf(), "admin", "demo-admin", null);
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
