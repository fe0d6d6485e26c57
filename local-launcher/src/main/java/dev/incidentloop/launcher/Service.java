package dev.incidentloop.launcher;

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

    /** The argument that sets the HTTP port, in the service's framework's terms. */
    String portArgument(int port) {
        return (spring ? "--server.port=" : "--micronaut.server.port=") + port;
    }
}
