package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentAggregateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    private static final UUID ID = UUID.fromString("0b6e8c1a-2d3f-4a5b-9c8d-7e6f5a4b3c2d");

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IncidentReported reported() {
        return new IncidentReported(ID, "Mail down", "since 08:00", Category.IT_SERVICE, "li.wei", "http", NOW);
    }

    private static IncidentClassified classified() {
        return new IncidentClassified(ID, Category.IT_SERVICE, 1, 2, Priority.P2, "li.wei", NOW);
    }

    @Test
    void reporting_records_the_report_and_classifies_it_by_the_priority_matrix() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Mail down", "since 08:00", Category.IT_SERVICE, 1, 2, "li.wei", "http"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(), classified());
    }

    @Test
    void reporting_with_an_impact_outside_1_to_3_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Mail down", null, Category.IT_SERVICE, 4, 2, "li.wei", "http"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void a_new_incident_can_be_acknowledged() {
        fixture.given(reported(), classified())
                .when(new AcknowledgeIncident(ID, "zhang.min", null))
                .expectEvents(new IncidentAcknowledged(ID, "zhang.min", NOW));
    }

    @Test
    void an_incident_cannot_be_acknowledged_twice() {
        fixture.given(reported(), classified(), new IncidentAcknowledged(ID, "zhang.min", NOW))
                .when(new AcknowledgeIncident(ID, "someone.else", null))
                .expectException(TransitionNotAllowed.class)
                .expectExceptionMessage("Cannot acknowledge an incident that is IN_PROGRESS; allowed: [resolve, add-note]")
                .expectNoEvents();
    }

    @Test
    void an_incident_in_progress_can_be_resolved() {
        fixture.given(reported(), classified(), new IncidentAcknowledged(ID, "zhang.min", NOW))
                .when(new ResolveIncident(ID, "zhang.min", "config-fix", "restarted relay", null))
                .expectEvents(new IncidentResolved(ID, "zhang.min", "config-fix", "restarted relay", NOW));
    }

    @Test
    void a_resolved_incident_can_be_closed() {
        fixture.given(reported(), classified(), new IncidentResolved(ID, "zhang.min", "fixed", null, NOW))
                .when(new CloseIncident(ID, "li.wei", null))
                .expectEvents(new IncidentClosed(ID, "li.wei", NOW));
    }

    @Test
    void an_unresolved_incident_cannot_be_closed() {
        fixture.given(reported(), classified())
                .when(new CloseIncident(ID, "li.wei", null))
                .expectException(TransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void a_closed_incident_takes_no_more_commands() {
        fixture.given(reported(), classified(), new IncidentResolved(ID, "zhang.min", "fixed", null, NOW),
                        new IncidentClosed(ID, "li.wei", NOW))
                .when(new ResolveIncident(ID, "zhang.min", "again", null, null))
                .expectException(TransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void a_work_note_is_appended_in_any_open_state() {
        fixture.given(reported(), classified(), new IncidentAcknowledged(ID, "zhang.min", NOW))
                .when(new AddWorkNote(ID, "zhang.min", "TLS handshake fails since 07:55", null))
                .expectEvents(new WorkNoteAdded(ID, "zhang.min", "TLS handshake fails since 07:55", NOW));
    }

    @Test
    void a_closed_incident_takes_no_more_notes() {
        fixture.given(reported(), classified(), new IncidentResolved(ID, "zhang.min", "fixed", null, NOW),
                        new IncidentClosed(ID, "li.wei", NOW))
                .when(new AddWorkNote(ID, "zhang.min", "late note", null))
                .expectException(TransitionNotAllowed.class)
                .expectNoEvents();
    }
}
