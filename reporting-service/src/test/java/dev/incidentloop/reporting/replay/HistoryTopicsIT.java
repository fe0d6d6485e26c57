package dev.incidentloop.reporting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event streams are the platform's history and the replay's source: they keep every record, and so does this
 * service's dead-letter topic; a stream found with a retention limit (created by hand, or by an older release) loses
 * it when a service starts. Intake keeps the broker's default.
 */
@ServiceIntegrationTest
class HistoryTopicsIT {

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void the_event_streams_and_the_dead_letters_keep_every_record_and_a_stream_with_a_limit_loses_it() throws Exception {
        List<String> kept = List.of(Topics.INCIDENT_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                Topics.NOTIFICATION_EVENTS.name(), Topics.INCIDENT_EVENTS.deadLetter("reporting-service"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            assertThat(retention(admin, kept)).as("as created").containsOnly("-1");
            assertThat(retention(admin, List.of(Topics.INTAKE.name()))).doesNotContain("-1");

            // given a stream that somebody limited to a week
            var stream = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ESCALATION_EVENTS.name());
            admin.incrementalAlterConfigs(Map.of(stream, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"), AlterConfigOp.OpType.SET))))
                    .all().get();
            assertThat(retention(admin, List.of(stream.name()))).containsOnly("604800000");

            // when a service starts (and sets up its topics)
            kafkaAdmin.initialize();

            // then it keeps every record again
            assertThat(retention(admin, List.of(stream.name()))).containsOnly("-1");
        }
    }

    private static Collection<String> retention(Admin admin, List<String> topics) throws Exception {
        var resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        return admin.describeConfigs(resources).all().get().values().stream()
                .map(config -> config.get(TopicConfig.RETENTION_MS_CONFIG).value()).toList();
    }
}
