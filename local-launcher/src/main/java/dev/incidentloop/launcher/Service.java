package dev.incidentloop.launcher;

/** The four services, with their default ports and databases. */
public enum Service {
    INCIDENT("incident-service", 8081),
    ESCALATION("escalation-service", 8082),
    NOTIFICATION("notification-service", 8083),
    REPORTING("reporting-service", 8084);

    private final String artifact;
    private final int defaultPort;

    Service(String artifact, int defaultPort) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
    }

    public String artifact() {
        return artifact;
    }

    int defaultPort() {
        return defaultPort;
    }

    String database() {
        return artifact.replace('-', '_');
    }
}
