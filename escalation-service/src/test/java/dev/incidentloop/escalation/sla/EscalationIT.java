package dev.incidentloop.escalation.sla;

import static dev.incidentloop.escalation.EscalationStreams.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.escalation.EscalationStreams;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SlaWarning;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The clocks end to end: incident events arrive through the real Kafka listener; deadlines set, warnings, pauses,
 * breaches and escalations leave through the outbox to Kafka. IT-service incidents follow the built-in default
 * policy, whose P3 targets the test profile shortens to 2 s (response) and 4 s (resolution); the warning comes at
 * 75 %.
 */
@ServiceIntegrationTest
class EscalationIT {

    private static final Duration P3_RESPONSE = Duration.ofSeconds(2);
    private static final Duration P3_RESOLUTION = Duration.ofSeconds(4);

    @Autowired
    WebTestClient web;

    @Test
    void an_incident_nobody_handles_is_warned_about_breaches_both_clocks_and_is_escalated_once() {
        UUID incident = UUID.randomUUID();
        IncidentClassified classified = classified(incident, now());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/incident-service", classified.occurredAt(), 1,
                classified);

        publish(envelope);
        publish(envelope); // redelivered: must not start second clocks, breach or escalate twice

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident).size() == 7);
            assertThat(stream.of(incident, SlaDeadlineSet.class))
                    .extracting(SlaDeadlineSet::clock, SlaDeadlineSet::target, SlaDeadlineSet::dueAt)
                    .containsExactly(
                            tuple(SlaClock.RESPONSE, P3_RESPONSE, classified.occurredAt().plus(P3_RESPONSE)),
                            tuple(SlaClock.RESOLUTION, P3_RESOLUTION, classified.occurredAt().plus(P3_RESOLUTION)));
            assertThat(stream.of(incident, SlaWarning.class)).extracting(SlaWarning::clock)
                    .containsExactly(SlaClock.RESPONSE, SlaClock.RESOLUTION);
            assertThat(stream.of(incident, SlaWarning.class)).allSatisfy(w ->
                    assertThat(w.elapsed()).isGreaterThanOrEqualTo(w.target().multipliedBy(3).dividedBy(4)));
            assertThat(stream.of(incident, SlaBreached.class)).extracting(SlaBreached::clock)
                    .containsExactly(SlaClock.RESPONSE, SlaClock.RESOLUTION);
            assertThat(stream.of(incident, SlaBreached.class))
                    .allSatisfy(b -> assertThat(b.elapsed()).isGreaterThanOrEqualTo(b.target()));
            assertThat(stream.of(incident, IncidentEscalated.class)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo(1);
                assertThat(e.kind()).isEqualTo(EscalationKind.FUNCTIONAL);
                assertThat(e.reason()).isEqualTo("response-sla");
                assertThat(e.priority()).isEqualTo(Priority.P3);
                assertThat(e.target()).isEqualTo(P3_RESPONSE);
            });
            assertThat(stream.envelopes(incident)).extracting(EventEnvelope::sequence)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    stream.of(incident).size() == 7);
        }
        clocks(incident).expectStatus().isOk().expectBody()
                .jsonPath("$[0].clock").isEqualTo("response")
                .jsonPath("$[0].breachedAt").isNotEmpty()
                .jsonPath("$[0].target").isEqualTo("2 seconds")
                .jsonPath("$[1].clock").isEqualTo("resolution")
                .jsonPath("$[1].breachedAt").isNotEmpty()
                .jsonPath("$[1].stoppedAt").isEmpty();
    }

    @Test
    void an_incident_acknowledged_and_resolved_in_time_meets_both_clocks() {
        UUID incident = UUID.randomUUID();
        Instant t = now();

        publish(classified(incident, t), new IncidentAcknowledged(incident, "zhang.min", t.plusMillis(500)),
                new IncidentResolved(incident, "zhang.min", "config-fix", "restarted", null, null, t.plusMillis(900)));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, SlaClockStopped.class).size() == 2);
            assertThat(stream.of(incident, SlaClockStopped.class))
                    .extracting(SlaClockStopped::clock, SlaClockStopped::met, SlaClockStopped::elapsed)
                    .containsExactly(tuple(SlaClock.RESPONSE, true, Duration.ofMillis(500)),
                            tuple(SlaClock.RESOLUTION, true, Duration.ofMillis(900)));
            // nothing more of the clocks: no warning, breach or escalation (the confirmation period is not a clock)
            await().during(P3_RESOLUTION.plusSeconds(1)).atMost(P3_RESOLUTION.plusSeconds(3)).until(() ->
                    stream.of(incident).stream().filter(e -> !(e instanceof ResolutionUnconfirmed)).count() == 4);
        }
    }

    @Test
    void an_acknowledged_incident_still_breaches_its_resolution_clock_and_escalates_for_that() {
        UUID incident = UUID.randomUUID();
        Instant t = now();

        publish(classified(incident, t), new IncidentAcknowledged(incident, "zhang.min", t.plusMillis(500)));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, IncidentEscalated.class).isEmpty());
            assertThat(stream.of(incident, SlaBreached.class)).extracting(SlaBreached::clock)
                    .containsExactly(SlaClock.RESOLUTION);
            assertThat(stream.of(incident, IncidentEscalated.class)).singleElement()
                    .extracting(IncidentEscalated::reason).isEqualTo("resolution-sla");
        }
    }

    @Test
    void waiting_for_the_reporter_pauses_both_clocks_and_resuming_moves_the_deadlines_by_the_pause() {
        UUID incident = UUID.randomUUID();
        Instant t = now();
        publish(classified(incident, t), new IncidentPutOnHold(incident, HoldReason.AWAITING_REPORTER, "zhang.min",
                t.plusMillis(500)));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, SlaClockPaused.class).size() == 2);
            assertThat(stream.of(incident, SlaClockPaused.class)).extracting(SlaClockPaused::elapsed)
                    .containsOnly(Duration.ofMillis(500));
            // well past the original response deadline: nothing breaches while the clocks are paused
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    stream.of(incident, SlaBreached.class).isEmpty() && stream.of(incident, SlaWarning.class).isEmpty());
            clocks(incident).expectBody().jsonPath("$[0].runningSince").isEmpty()
                    .jsonPath("$[0].consumed").isEqualTo("PT0.5S");

            Instant resumed = now();
            publish(new IncidentResumed(incident, "li.wei", resumed));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, SlaDeadlineSet.class).size() == 4);
            assertThat(stream.of(incident, SlaDeadlineSet.class).subList(2, 4))
                    .extracting(SlaDeadlineSet::clock, SlaDeadlineSet::dueAt)
                    .containsExactly(tuple(SlaClock.RESPONSE, resumed.plus(P3_RESPONSE).minusMillis(500)),
                            tuple(SlaClock.RESOLUTION, resumed.plus(P3_RESOLUTION).minusMillis(500)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, SlaBreached.class).isEmpty());
            assertThat(stream.of(incident, SlaBreached.class).get(0).occurredAt())
                    .isAfterOrEqualTo(resumed.plus(P3_RESPONSE).minusMillis(500));
        }
    }

    @Test
    void waiting_for_a_change_does_not_pause_the_clocks() {
        UUID incident = UUID.randomUUID();
        Instant t = now();
        publish(classified(incident, t), new IncidentPutOnHold(incident, HoldReason.AWAITING_CHANGE, "zhang.min",
                t.plusMillis(200)));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, SlaBreached.class).isEmpty());
            assertThat(stream.of(incident, SlaClockPaused.class)).isEmpty();
        }
    }

    @Test
    void clocks_are_for_responders_and_analysts_only() {
        web.get().uri("/clocks/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        web.get().uri("/clocks/" + UUID.randomUUID())
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isForbidden();
    }

    /** PostgreSQL keeps microseconds: times with nanoseconds would not come back exactly. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static IncidentClassified classified(UUID incident, Instant at) {
        return new IncidentClassified(incident, Category.IT_SERVICE, new Classification.ItService(2, 2), Priority.P3,
                "li.wei", at);
    }

    static IncidentReported reported(UUID incident, Category category, Instant at) {
        return new IncidentReported(incident, "Something broke", null, category, "li.wei", "http", at);
    }

    private WebTestClient.ResponseSpec clocks(UUID incident) {
        return web.get().uri("/clocks/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange();
    }
}
