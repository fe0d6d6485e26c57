package dev.incidentloop.incident.lifecycle;

import java.util.List;

/**
 * Where an incident stands, and the commands each state allows. Closed and canceled are final.
 *
 * <pre>
 * NEW -> IN_PROGRESS (acknowledge) <-> ON_HOLD (put-on-hold / resume)
 * NEW, IN_PROGRESS, ON_HOLD -> RESOLVED (resolve) -> CLOSED (confirm, close, auto-close)
 * RESOLVED -> IN_PROGRESS (reject, reopen)
 * NEW, IN_PROGRESS, ON_HOLD -> CANCELED (cancel)
 * </pre>
 */
public enum IncidentState {
    NEW(List.of("acknowledge", "assign", "resolve", "cancel", "reclassify", "add-note", "link")),
    IN_PROGRESS(List.of("assign", "put-on-hold", "resolve", "cancel", "reclassify", "add-note", "link")),
    ON_HOLD(List.of("resume", "assign", "resolve", "cancel", "reclassify", "add-note", "link")),
    RESOLVED(List.of("confirm", "reject", "reopen", "close", "add-note", "link")),
    CLOSED(List.of()),
    CANCELED(List.of());

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

    /** Not yet resolved, closed or canceled: someone still has to act. */
    public boolean open() {
        return this == NEW || this == IN_PROGRESS || this == ON_HOLD;
    }
}
