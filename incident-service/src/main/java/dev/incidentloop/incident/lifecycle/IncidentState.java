package dev.incidentloop.incident.lifecycle;

import java.util.List;

/** Where an incident stands, and the commands each state allows. */
public enum IncidentState {
    NEW(List.of("acknowledge", "resolve")),
    IN_PROGRESS(List.of("resolve")),
    RESOLVED(List.of("close")),
    CLOSED(List.of());

    private final List<String> allowedCommands;

    IncidentState(List<String> allowedCommands) {
        this.allowedCommands = allowedCommands;
    }

    public List<String> allowedCommands() {
        return allowedCommands;
    }

    public boolean allows(String command) {
        return allowedCommands.contains(command);
    }
}
