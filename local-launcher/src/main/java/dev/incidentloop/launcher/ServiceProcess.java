package dev.incidentloop.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service as a child process: its own JVM, its log in a file, stopped with SIGTERM so it shuts down cleanly. */
final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;
    private volatile Duration startTime;

    private ServiceProcess(Service service, String name, int port, Process process, Path logFile, Instant startedAt) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = startedAt;
    }

    /** Starts an instance of the service; {@code name} names it, and its log file. */
    static ServiceProcess start(Service service, String name, Path jar, int port, List<String> arguments,
                                Path logDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build the services first (./platform builds them)");
        }
        Files.createDirectories(logDir);
        Path logFile = logDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // Netty keeps one pool of direct buffers instead of one per core.
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(service.jvmOptions());
        command.addAll(List.of("-Dio.netty.allocator.numDirectArenas=1", "-jar", jar.toString(),
                service.portArgument(port)));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), most of it resident and
        // fragmented; two are plenty for a JVM, whose heap is not malloc'ed
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServiceProcess(service, name, port, process, logFile, Instant.now());
    }

    Service service() {
        return service;
    }

    String name() {
        return name;
    }

    /** How long it took from process start to healthy; null until it was. */
    Duration startTime() {
        return startTime;
    }

    int port() {
        return port;
    }

    Path log() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the service reports itself UP; returns how long it took from process start. */
    Duration awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see " + logFile + ", which ends:\n" + tail(logFile, 40));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    startTime = Duration.between(startedAt, Instant.now());
                    return startTime;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logFile);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Resident set size in kB, read from /proc; -1 where that is not available. */
    long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Asks the service to shut down (SIGTERM); {@link #awaitStopped()} waits for it. */
    void requestStop() {
        process.destroy();
    }

    void awaitStopped() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            log.warn("{} did not stop within 30 s; killing it", name);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
