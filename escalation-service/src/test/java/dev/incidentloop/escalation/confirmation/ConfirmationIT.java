package dev.incidentloop.escalation.confirmation;

import static dev.incidentloop.escalation.EscalationStreams.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.escalation.EscalationStreams;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 2, "Confirmation and closure": escalation-service times the reporter's confirmation and tells
 * incident-service when a resolution lapsed unconfirmed. The test profile shortens the period to 2 seconds.
 */
@ServiceIntegrationTest
class ConfirmationIT {

    @Test
    void an_unconfirmed_resolution_lapses_a_confirmed_one_does_not_and_a_reopened_one_counts_from_its_new_resolution() {
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID unconfirmed = UUID.randomUUID();
        UUID confirmed = UUID.randomUUID();
        UUID reopened = UUID.randomUUID();
        Instant resolved = reported.plusMillis(100);
        Instant resolvedAgain = reported.plusMillis(1500);
        publish(reported(unconfirmed, reported), classified(unconfirmed, reported), resolved(unconfirmed, resolved));
        publish(reported(confirmed, reported), classified(confirmed, reported), resolved(confirmed, resolved),
                new ResolutionConfirmed(confirmed, 5, "thanks", "li.wei", null, resolved.plusMillis(200)),
                new IncidentClosed(confirmed, "li.wei", resolved.plusMillis(200)));
        publish(reported(reopened, reported), classified(reopened, reported), resolved(reopened, resolved),
                new IncidentReopened(reopened, "still broken", 1, "li.wei", resolved.plusMillis(200)),
                resolved(reopened, resolvedAgain));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !stream.of(unconfirmed, ResolutionUnconfirmed.class).isEmpty()
                            && !stream.of(reopened, ResolutionUnconfirmed.class).isEmpty());
            assertThat(stream.of(unconfirmed, ResolutionUnconfirmed.class)).singleElement().satisfies(u -> {
                assertThat(u.resolvedAt()).isEqualTo(resolved);
                assertThat(u.period()).isEqualTo("2 seconds");
            });
            assertThat(stream.of(reopened, ResolutionUnconfirmed.class)).singleElement()
                    .extracting(ResolutionUnconfirmed::resolvedAt).isEqualTo(resolvedAgain);
            // the confirmed incident's period would have ended with the first one's
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    stream.of(confirmed, ResolutionUnconfirmed.class).isEmpty()
                            && stream.of(reopened, ResolutionUnconfirmed.class).size() == 1);
        }
    }

    private static IncidentReported reported(UUID incident, Instant at) {
        return new IncidentReported(incident, "Printer offline", null, Category.IT_SERVICE, "li.wei", "http", at);
    }

    private static IncidentClassified classified(UUID incident, Instant at) {
        return new IncidentClassified(incident, Category.IT_SERVICE, new Classification.ItService(3, 3), Priority.P5,
                "li.wei", at);
    }

    private static IncidentResolved resolved(UUID incident, Instant at) {
        return new IncidentResolved(incident, "zhang.min", "restarted", "spooler restarted", SupportLine.FIRST,
                FixType.PERMANENT, at);
    }
}
