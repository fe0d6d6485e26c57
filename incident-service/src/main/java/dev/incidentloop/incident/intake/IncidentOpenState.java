package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentResolved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps intake's note of whether an alert's incident is open in step with the incident, whoever resolved it: a
 * subscribing processor, so the note changes in the same transaction as the event is stored. The next trigger of an
 * alert whose incident has ended opens a new incident; a reopened incident counts its alert's repeats again, unless
 * the alert opened another incident meanwhile.
 */
@Component
@ProcessingGroup(IncidentOpenState.GROUP)
class IncidentOpenState {

    static final String GROUP = "intake-open-state";

    private final IntakeDedup dedup;

    IncidentOpenState(IntakeDedup dedup) {
        this.dedup = dedup;
    }

    @EventHandler
    void on(IncidentResolved event) {
        dedup.incidentOpen(event.incidentId(), false);
    }

    @EventHandler
    void on(IncidentClosed event) {
        dedup.incidentOpen(event.incidentId(), false);
    }

    @EventHandler
    void on(IncidentCanceled event) {
        dedup.incidentOpen(event.incidentId(), false);
    }

    @EventHandler
    void on(IncidentReopened event) {
        dedup.incidentOpen(event.incidentId(), true);
    }
}
