package dev.incidentloop.incident.search;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.WorkNoteAdded;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code incident_summary}, the table searches read, so that no search replays events. It is changed in the
 * transaction that stores the events (a subscribing processor), so it never lags behind the store; a failure here
 * undoes the command. Every update is guarded by the event's sequence number, so no event is applied twice.
 */
@Component
@ProcessingGroup(SearchProjection.PROCESSING_GROUP)
class SearchProjection {

    static final String PROCESSING_GROUP = "incident-search";

    private final JdbcTemplate jdbc;

    SearchProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentEvent event, @SequenceNumber Long sequence) {
        if (event instanceof IncidentReported e) {
            jdbc.update("""
                    insert into incident_summary (incident_id, title, description, category, state, support_line,
                                                  reported_by, reported_at, updated_at, version)
                    values (?, ?, ?, ?, ?, 'first', ?, ?, ?, ?) on conflict (incident_id) do nothing""",
                    e.incidentId(), e.title(), e.description(), e.category().wireName(), IncidentState.NEW.name(),
                    e.reportedBy(), ts(e.occurredAt()), ts(e.occurredAt()), sequence);
            return;
        }
        switch (event) {
            case IncidentClassified e -> set(e, sequence, "category = ?, priority = ?", e.category().wireName(),
                    e.priority().name());
            case IncidentReclassified e -> set(e, sequence, "category = ?, priority = ?", e.category().wireName(),
                    e.priority().name());
            case IncidentAssigned e -> set(e, sequence, "assignment_group = ?, assignee = ?, support_line = ?",
                    e.assignmentGroup(), e.assignee(), e.supportLine().wireName());
            case IncidentAcknowledged e -> state(e, sequence, IncidentState.IN_PROGRESS);
            case IncidentPutOnHold e -> state(e, sequence, IncidentState.ON_HOLD);
            case IncidentResumed e -> state(e, sequence, IncidentState.IN_PROGRESS);
            case IncidentResolved e -> set(e, sequence, "state = ?, resolved_at = ?", IncidentState.RESOLVED.name(),
                    ts(e.occurredAt()));
            case IncidentReopened e -> set(e, sequence, "state = ?, resolved_at = null",
                    IncidentState.IN_PROGRESS.name());
            case IncidentClosed e -> state(e, sequence, IncidentState.CLOSED);
            case IncidentCanceled e -> state(e, sequence, IncidentState.CANCELED);
            case ResolutionConfirmed e -> set(e, sequence, "");
            case ResolutionRejected e -> set(e, sequence, "");
            case WorkNoteAdded e -> set(e, sequence, "");
            case IncidentLinked e -> set(e, sequence, "");
            case AlertRepeated e -> set(e, sequence, "");
            case IncidentReported e -> throw new IllegalStateException("handled above");
        }
    }

    private void state(IncidentEvent event, long sequence, IncidentState state) {
        set(event, sequence, "state = ?", state.name());
    }

    /** Applies the assignments (may be empty) and moves the row to this event's version, unless it is there. */
    private void set(IncidentEvent event, long sequence, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = ts(event.occurredAt());
        args[values.length + 1] = sequence;
        args[values.length + 2] = event.incidentId();
        args[values.length + 3] = sequence;
        String prefix = assignments.isEmpty() ? "" : assignments + ", ";
        jdbc.update("update incident_summary set " + prefix + "updated_at = ?, version = ? "
                + "where incident_id = ? and version < ?", args);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
