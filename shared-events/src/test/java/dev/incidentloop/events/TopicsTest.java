package dev.incidentloop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each stream has its topic, and the names listeners are given are the catalogue's. */
class TopicsTest {

    private static final UUID ID = UUID.fromString("0b6e8c1a-2d3f-4a5b-9c8d-7e6f5a4b3c2d");
    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void an_event_goes_to_the_topic_of_its_stream() {
        assertThat(Topics.of(new IncidentAcknowledged(ID, "zhang.min", AT))).isEqualTo(Topics.INCIDENT_EVENTS);
        assertThat(Topics.of(new SlaBreached(ID, SlaClock.RESPONSE, Duration.ofHours(1), Duration.ofHours(2), AT))).isEqualTo(Topics.ESCALATION_EVENTS);
        assertThat(Topics.of(new NotificationFailed(ID, UUID.randomUUID(), "webhook", "pager", UUID.randomUUID(),
                "dev.incidentloop.incident.reported.v2", 3, 500, "refused: 500", AT)))
                .isEqualTo(Topics.NOTIFICATION_EVENTS);
    }

    @Test
    void the_constant_names_are_the_catalogues() {
        assertThat(Topics.INTAKE_NAME).isEqualTo(Topics.INTAKE.name()).isEqualTo("incident.intake.v1");
        assertThat(Topics.INCIDENT_EVENTS_NAME).isEqualTo(Topics.INCIDENT_EVENTS.name())
                .isEqualTo("incident.events.v1");
        assertThat(Topics.ESCALATION_EVENTS_NAME).isEqualTo(Topics.ESCALATION_EVENTS.name())
                .isEqualTo("escalation.events.v1");
        assertThat(Topics.NOTIFICATION_EVENTS_NAME).isEqualTo(Topics.NOTIFICATION_EVENTS.name())
                .isEqualTo("notification.events.v1");
    }
}
