package dev.incidentloop.escalation;

import static dev.incidentloop.escalation.EscalationStreams.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SlaWarning;
import dev.incidentloop.testsupport.RealInfrastructureInitializer;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on one database and one consumer group: every due timer fires exactly once, also when
 * one instance stops and starts again while timers are pending. The test's own context is the first instance; the
 * second runs beside it in this JVM under another scheduler name.
 *
 * <p>How long a context takes to start is the machine's business, so the test does not count on the restart beating
 * a deadline. The first wave's timers are pending when the second instance stops (they fall due 10 s after
 * classification); they fire during the restart or after it, on either instance. The second wave is classified once
 * the second instance is back, so its timers are pending with both instances running, the restarted one included.
 */
@ServiceIntegrationTest
class TwoInstancesIT {

    private static final int INCIDENTS = 30;

    @Test
    void every_due_timer_fires_exactly_once_with_two_instances_and_a_restart_in_the_countdown() {
        ConfigurableApplicationContext second = startSecondInstance();
        List<UUID> incidents = new ArrayList<>();
        try (var stream = new EscalationStreams()) {
            List<UUID> firstWave = classify(INCIDENTS / 2);
            incidents.addAll(firstWave);
            await().atMost(Duration.ofSeconds(30)).until(() -> firstWave.stream()
                    .allMatch(id -> stream.of(id, SlaDeadlineSet.class).size() == 2));

            // the second instance goes away with the first wave's timers pending, and comes back
            second.close();
            second = startSecondInstance();
            incidents.addAll(classify(INCIDENTS - firstWave.size()));

            await().atMost(Duration.ofSeconds(90)).until(() -> incidents.stream()
                    .allMatch(id -> stream.of(id, SlaBreached.class).size() >= 2));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            Map<UUID, List<EventEnvelope>> events = stream.all();
            for (UUID id : incidents) {
                List<Object> data = events.get(id).stream().map(e -> (Object) e.data()).toList();
                assertThat(data).as("warnings of %s", id).filteredOn(SlaWarning.class::isInstance).hasSize(2);
                assertThat(data).as("breaches of %s", id).filteredOn(SlaBreached.class::isInstance).hasSize(2);
                assertThat(data).as("escalations of %s", id).filteredOn(IncidentEscalated.class::isInstance)
                        .hasSize(1);
                assertThat(events.get(id)).extracting(EventEnvelope::id).doesNotHaveDuplicates();
            }
        } finally {
            second.close();
        }
    }

    /** Classifies fresh P4 incidents now: response due in 10 s, resolution in 12 s (test profile). */
    private static List<UUID> classify(int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publish(new IncidentClassified(id, Category.IT_SERVICE, new Classification.ItService(2, 2),
                    Priority.P4, "li.wei", now));
        }
        return ids;
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(EscalationServiceApplication.class)
                .profiles("test")
                .initializers(new RealInfrastructureInitializer())
                .run("--server.port=0", "--db-scheduler.scheduler-name=second-instance");
    }
}
