package dev.incidentloop.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.Category;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** An incident with many events is loaded from its snapshot, with every field of its state as it was. */
@ServiceIntegrationTest
class SnapshotIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("incidentCache")
    Cache cache;

    @Test
    void an_incident_loaded_from_its_snapshot_knows_its_state_and_its_counts() {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new ReportIncident(id, "Disk full on db-7", null,
                ClassificationInput.resolve(Category.IT_SERVICE, 2, 2, null, null), "zabbix", "intake:zabbix"));
        commands.sendAndWait(new AssignIncident(id, "dba", null, dev.incidentloop.events.SupportLine.SECOND,
                "it is a database", "li.wei", null));
        for (long offset = 0; offset < 60; offset++) {
            commands.sendAndWait(new RecordAlertRepeats(id, 1, Instant.now(), 3, offset));
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?",
                Integer.class, id.toString())).isPositive();

        cache.removeAll(); // the next command loads the incident from the store: snapshot, then the events after it
        commands.sendAndWait(new RecordAlertRepeats(id, 2, Instant.now(), 3, 61));

        assertThat(lastOccurrences(id)).as("the report, 60 repeats before the snapshot and 2 after").isEqualTo(63);
        commands.sendAndWait(new AcknowledgeIncident(id, "li.wei", null));
        assertThatThrownBy(() -> commands.sendAndWait(new AcknowledgeIncident(id, "li.wei", null)))
                .isInstanceOf(TransitionNotAllowed.class);
    }

    private long lastOccurrences(UUID id) {
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry "
                + "where aggregateidentifier = ? and payloadtype like '%AlertRepeated' "
                + "order by sequencenumber desc limit 1", String.class, id.toString());
        return Long.parseLong(payload.replaceAll(".*\"occurrences\":(\\d+).*", "$1"));
    }
}
