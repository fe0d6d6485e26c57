package dev.incidentloop.incident.lifecycle;

import java.util.List;

/** Where an incident stands, and the commands each state allows. */
public enum IncidentState {
    NEW(List.of("acknowledge", "resolve", "add-note")),
    IN_PROGRESS(List.of("resolve", "add-note")),
    RESOLVED(List.of("close", "add-note")),
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
