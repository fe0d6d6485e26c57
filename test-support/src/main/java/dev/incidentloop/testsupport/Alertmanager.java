package dev.incidentloop.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus Alertmanager for tests: Debian's {@code prometheus-alertmanager} (overridable with the system
 * property {@code alertmanager.binary}), on a free loopback port, clustering off, its configuration and data in a
 * temporary folder deleted on close.
 */
public final class Alertmanager implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path home;
    private final int port;

    private Alertmanager(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /** Starts one with this configuration (alertmanager.yml) and waits until it is ready. */
    public static Alertmanager start(String config) {
        String binary = System.getProperty("alertmanager.binary", "/usr/bin/prometheus-alertmanager");
        if (!new File(binary).canExecute()) {
            throw new IllegalStateException(binary + " is missing: install Debian's prometheus-alertmanager "
                    + "(./platform test and .ci/run do)");
        }
        try {
            Path home = Files.createTempDirectory("alertmanager");
            Files.writeString(home.resolve("alertmanager.yml"), config);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(binary, "--config.file=" + home.resolve("alertmanager.yml"),
                    "--storage.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=")
                    .redirectErrorStream(true).redirectOutput(home.resolve("alertmanager.log").toFile()).start();
            Alertmanager alertmanager = new Alertmanager(process, home, port);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(alertmanager::ready);
            return alertmanager;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Posts alerts as Prometheus does ({@code POST /api/v2/alerts}, a JSON array); returns the status. */
    public int postAlerts(String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What it logged, to explain a failure. */
    public String log() {
        try {
            return Files.readString(home.resolve("alertmanager.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("alertmanager exited with " + process.exitValue() + ":\n" + log());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
