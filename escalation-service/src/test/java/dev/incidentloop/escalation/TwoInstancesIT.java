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
 * one instance stops in the middle of the countdown and starts again. The test's own context is the first instance;
 * the second runs beside it in this JVM under another scheduler name.
 */
@ServiceIntegrationTest
class TwoInstancesIT {

    private static final int INCIDENTS = 30;

    @Test
    void every_due_timer_fires_exactly_once_with_two_instances_and_a_restart_in_the_countdown() {
        ConfigurableApplicationContext second = startSecondInstance();
        List<UUID> incidents = new ArrayList<>();
        try (var stream = new EscalationStreams()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < INCIDENTS; i++) {
                UUID id = UUID.randomUUID();
                incidents.add(id);
                publish(new IncidentClassified(id, Category.IT_SERVICE, new Classification.ItService(2, 2),
                        Priority.P4, "li.wei", now));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> incidents.stream()
                    .allMatch(id -> stream.of(id, SlaDeadlineSet.class).size() == 2));

            // the second instance goes away mid-countdown (response 10 s, resolution 12 s) and comes back
            second.close();
            second = startSecondInstance();
            assertThat(Instant.now()).as("restarted before the first deadline").isBefore(now.plusSeconds(10));

            await().atMost(Duration.ofSeconds(60)).until(() -> incidents.stream()
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

    private static ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(EscalationServiceApplication.class)
                .profiles("test")
                .initializers(new RealInfrastructureInitializer())
                .run("--server.port=0", "--db-scheduler.scheduler-name=second-instance");
    }
}
