package dev.incidentloop.incident.lifecycle;

/** A command that the incident's current state does not allow. */
public class TransitionNotAllowed extends RuntimeException {

    private final IncidentState state;
    private final String command;

    public TransitionNotAllowed(IncidentState state, String command) {
        super("Cannot " + command + " an incident that is " + state + "; allowed: " + state.allowedCommands());
        this.state = state;
        this.command = command;
    }

    public IncidentState state() {
        return state;
    }

    public String command() {
        return command;
    }
}
