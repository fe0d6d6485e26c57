package dev.incidentloop.launcher;

import java.util.List;

/**
 * The platform's processes, with their default ports: four Spring Boot services, each with its own database, and the
 * intake gateway (Micronaut), which keeps no database.
 */
public enum Service {
    INCIDENT("incident-service", 8081, true),
    ESCALATION("escalation-service", 8082, true),
    NOTIFICATION("notification-service", 8083, true),
    REPORTING("reporting-service", 8084, true),
    GATEWAY("intake-gateway", 8085, false);

    private final String artifact;
    private final int defaultPort;
    private final boolean spring;

    Service(String artifact, int defaultPort, boolean spring) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.spring = spring;
    }

    public String artifact() {
        return artifact;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** A Spring Boot service with a database of its own; the gateway is neither. */
    boolean spring() {
        return spring;
    }

    String database() {
        return artifact.replace('-', '_');
    }

    /**
     * The JVM's settings. Five JVMs share the machine with the broker and the database. The C1 compiler alone keeps
     * the JIT from taking a core for minutes after each start and leaves out C2's memory: on two cores the services
     * started in 12 s instead of 22 s. A service's live heap stays under 80 MB even in an alert storm; the rest of the
     * JVM (classes, code, buffers, threads) takes about 170 MB. The heap is kept close to what is live. The gateway
     * holds nothing but requests in flight and its producer's buffer (16 MB), so its heap and code cache are smaller.
     */
    List<String> jvmOptions() {
        return spring
                ? List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20",
                        "-XX:MaxHeapFreeRatio=40", "-XX:TieredStopAtLevel=1")
                : List.of("-Xms8m", "-Xmx48m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m",
                        "-Xss512k");
    }

    /** The argument that sets the HTTP port, in the service's framework's terms. */
    String portArgument(int port) {
        return (spring ? "--server.port=" : "--micronaut.server.port=") + port;
    }
}
