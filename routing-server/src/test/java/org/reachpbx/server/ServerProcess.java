package org.reachpbx.server;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.reachpbx.ReachPbxApplication;

/**
 * The server in a JVM of its own (the test's class path), for what a test cannot do to a server in
 * its own JVM: kill it with SIGKILL. Output goes to {@code server.log} in the working directory.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server in {@code workDir} with the given {@code --name=value} arguments and waits until it is up. */
    static ServerProcess start(Path workDir, String... arguments) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", serverClassPath(), ReachPbxApplication.class.getName(),
                "--server.port=" + port));
        // Defaults a test may override (a repeated --name=value would bind as a list).
        for (String byDefault : List.of("--pbx.sip.enabled=false", "--pbx.demo.enabled=false", "--spring.main.banner-mode=off")) {
            String name = byDefault.substring(0, byDefault.indexOf('=') + 1);
            if (java.util.Arrays.stream(arguments).noneMatch(a -> a.startsWith(name))) {
                command.add(byDefault);
            }
        }
        command.addAll(List.of(arguments));
        Path log = workDir.resolve("server.log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, port);
        server.awaitUp(Duration.ofSeconds(150));
        return server;
    }

    /**
     * The test's class path without test classes and test jars: those carry test configuration (the
     * directory module's {@code application.properties} points at an in-memory database). Surefire
     * passes the class path in a manifest-only jar; its entries are read from the manifest.
     */
    static String serverClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(e -> !e.contains("test-classes") && !e.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitUp(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped at start-up:\n" + tail());
            }
            try {
                if (client.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the server did not come up within " + timeout + ":\n" + tail());
    }

    /**
     * Copies the {@code *.log} files below a test's working directory (the servers', Kamailio's) to
     * {@code target/cluster-logs/<test>/}: the temporary directory is gone after the test, and a
     * failure on CI is understood from them.
     */
    static void keepLogs(Path workDir, String test) {
        if (workDir == null || !Files.isDirectory(workDir)) {
            return;
        }
        Path target = Path.of("target", "cluster-logs", test);
        try (var files = Files.walk(workDir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Path to = target.resolve(workDir.relativize(log).toString().replace(File.separatorChar, '-'));
                Files.createDirectories(target);
                Files.copy(log, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the logs are a help, not the test
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** SIGKILL: no shutdown hook, no flush, no closing of the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Everything the server logged so far. */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
