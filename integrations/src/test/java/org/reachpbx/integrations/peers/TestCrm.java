package org.reachpbx.integrations.peers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A CRM on the JDK's HTTP server: records every webhook request (headers and body) and answers
 * with a status the test chooses; it can also serve a contact document for the pull.
 */
public final class TestCrm implements AutoCloseable {

    public record Request(String method, String path, Map<String, List<String>> headers, String body, int status) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> contacts = new AtomicReference<>("{\"callClasses\":[]}");

    public TestCrm(int port) throws IOException {
        this(port, 200);
    }

    /** A CRM that answers {@code initialStatus} until told otherwise. */
    public TestCrm(int port, int initialStatus) throws IOException {
        status.set(initialStatus);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answered = status.get();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), answered));
            byte[] answer = exchange.getRequestMethod().equals("GET")
                    ? contacts.get().getBytes(StandardCharsets.UTF_8) : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answered, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public List<Request> requests() {
        return requests;
    }

    /** Requests with a 2xx answer were the ones the CRM accepted; this is the status it answers with. */
    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    public void serveContacts(String json) {
        contacts.set(json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
