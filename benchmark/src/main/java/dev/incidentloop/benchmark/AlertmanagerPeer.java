package dev.incidentloop.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tool the gateway is measured against: Debian's Prometheus Alertmanager on loopback, clustering off, routing every
 * alert to a receiver that sends nothing, so that what is measured is its ingest (it keeps alerts in memory).
 */
final class AlertmanagerPeer implements AutoCloseable {

    static final String BINARY = "/usr/bin/prometheus-alertmanager";

    private final Process process;
    private final int port;

    private AlertmanagerPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Started and ready, or empty when the binary is not installed. */
    static Optional<AlertmanagerPeer> start(Path home) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            return Optional.empty();
        }
        Files.createDirectories(home);
        Files.writeString(home.resolve("alertmanager.yml"), """
                route:
                  receiver: 'null'
                receivers:
                  - name: 'null'
                """);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(BINARY, "--config.file=" + home.resolve("alertmanager.yml"),
                "--storage.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(home.resolve("alertmanager.log").toFile()).start();
        var peer = new AlertmanagerPeer(process, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited; see " + home.resolve("alertmanager.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return Optional.of(peer);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        peer.close();
        throw new IllegalStateException("alertmanager not ready within 30 s");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
