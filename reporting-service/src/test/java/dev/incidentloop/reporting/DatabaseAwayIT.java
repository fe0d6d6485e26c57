package dev.incidentloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database away for three minutes, three times as long as a failure that does not pass by itself is retried
 * before its record is parked (the tests shorten that to 2 s besides): the listener parks none of the events that
 * arrive meanwhile, counts its retries, and applies every one once the database is back.
 */
@ServiceIntegrationTest
class DatabaseAwayIT {

    private static final Duration AWAY = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void events_that_arrive_while_the_database_is_away_are_applied_when_it_is_back_and_none_is_parked()
            throws Exception {
        Story first = Story.reported(Instant.parse("2022-07-01T08:00:00Z"), Category.IT_SERVICE);
        first.publishTwice();
        await().atMost(WAIT).untilAsserted(() -> sla(first).expectStatus().isOk());
        double retriesBefore = retries();
        String database = url.substring(url.lastIndexOf('/') + 1);

        List<Story> meanwhile = IntStream.range(0, 5).mapToObj(i -> Story.reported(
                Instant.parse("2022-07-01T09:00:00Z").plusSeconds(60L * i), Category.IT_SERVICE)).toList();
        try (var deadLetters = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.INCIDENT_EVENTS.deadLetter("reporting-service"))) {
            away(database, true);
            try {
                meanwhile.forEach(Story::publishTwice);
                // the whole time it is away, none of them is parked
                await().during(AWAY).atMost(AWAY.plusSeconds(30)).pollInterval(Duration.ofSeconds(5))
                        .until(() -> parked(deadLetters, meanwhile).isEmpty());
                assertThat(retries()).as("retries counted while the database was away").isGreaterThan(retriesBefore);
            } finally {
                away(database, false);
            }

            for (Story story : meanwhile) {
                await().atMost(WAIT).untilAsserted(() -> sla(story).expectStatus().isOk().expectBody()
                        .jsonPath("$.reportedAt").isEqualTo(story.reportedAt.toString()));
            }
            // read the dead-letter topic for a while after: none of them may be there
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                    .until(() -> parked(deadLetters, meanwhile).isEmpty());
        }
    }

    private static List<?> parked(KafkaProbe deadLetters, List<Story> stories) {
        return deadLetters.seen(record -> stories.stream().anyMatch(story -> story.id.toString().equals(record.key())));
    }

    /** Takes the database away (no connection let in, the open ones ended) or brings it back. */
    private static void away(String database, boolean away) throws SQLException {
        try (Connection admin = DriverManager.getConnection(RealInfrastructure.jdbcUrl("postgres"),
                RealInfrastructure.dbUser(), RealInfrastructure.dbPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " allow_connections " + !away);
            if (away) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }

    private double retries() {
        return meters.find(KafkaWiring.RETRIES_METRIC).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private WebTestClient.ResponseSpec sla(Story story) {
        return web.get().uri("/sla/" + story.id).headers(h -> h.setBasicAuth(TestUsers.ANALYST,
                TestUsers.password(TestUsers.ANALYST))).exchange();
    }
}
