package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.incident.lifecycle.IncidentState;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

/** When a failed command met an incident this instance cached while another instance changed it. */
class StaleCacheTest {

    @Test
    void an_append_that_collided_in_the_store_met_a_stale_incident() {
        var collided = new CommandExecutionException("failed", new ConcurrencyException("sequence 5 taken"));

        assertThat(StaleCache.met(collided, () -> IncidentState.IN_PROGRESS)).isTrue();
    }

    @Test
    void a_refusal_the_stored_incident_would_not_make_met_a_stale_incident() {
        // cached: NEW, which cannot be reopened; stored: RESOLVED, which can
        var refused = new TransitionNotAllowed(IncidentState.NEW, "reopen");

        assertThat(StaleCache.met(refused, () -> IncidentState.RESOLVED)).isTrue();
    }

    @Test
    void a_refusal_the_stored_incident_makes_too_stands() {
        assertThat(StaleCache.met(new TransitionNotAllowed(IncidentState.CLOSED, "reopen"),
                () -> IncidentState.CLOSED)).isFalse();
        // stored in another state, which refuses the command as well
        assertThat(StaleCache.met(new TransitionNotAllowed(IncidentState.NEW, "reopen"), () -> IncidentState.CANCELED))
                .isFalse();
        assertThat(StaleCache.met(new TransitionNotAllowed(IncidentState.NEW, "reopen"), () -> null)).isFalse();
    }

    @Test
    void a_stale_if_match_and_other_failures_are_the_clients_answer() {
        assertThat(StaleCache.met(new ConflictingAggregateVersionException("id", 3, 4), () -> IncidentState.NEW))
                .isFalse();
        assertThat(StaleCache.met(new IllegalArgumentException("satisfaction must be 1 to 5"),
                () -> IncidentState.RESOLVED)).isFalse();
    }
}
