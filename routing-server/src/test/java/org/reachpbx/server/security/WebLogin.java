package org.reachpbx.server.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's login to the admin UI, by hand: fetch {@code /ui/login} (session cookie and Spring's
 * CSRF token from the page), post the form. No redirects are followed and cookies are explicit, so a
 * test sees exactly what the server answers.
 */
public final class WebLogin {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public WebLogin(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The login page's session cookie value and CSRF token. */
    public record Page(String session, String csrf, String html) {
    }

    public Page loginPage() throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/ui/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = sessionOf(page).orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        Matcher csrf = CSRF.matcher(page.body());
        return new Page(session, csrf.find() ? csrf.group(1) : null, page.body());
    }

    /** Posts the login form with the page's session; {@code csrf} null leaves the token out. */
    public HttpResponse<String> post(String session, String csrf, String user, String password, String forwardedFor)
            throws IOException, InterruptedException {
        String form = "username=" + enc(user) + "&password=" + enc(password) + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A full login; the session cookie of the logged-in session. */
    public String login(String user, String password) throws IOException, InterruptedException {
        Page page = loginPage();
        HttpResponse<String> answer = post(page.session(), page.csrf(), user, password, null);
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login failed: " + answer.statusCode() + " " + answer.headers());
        }
        return sessionOf(answer).orElse(page.session());
    }

    public HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public static Optional<String> sessionOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
