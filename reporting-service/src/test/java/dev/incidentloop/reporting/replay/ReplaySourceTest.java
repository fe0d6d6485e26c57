package dev.incidentloop.reporting.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A replay reads the whole history or refuses, naming what is missing. */
class ReplaySourceTest {

    @Test
    void every_partition_starting_at_its_first_record_is_a_whole_history() {
        assertThat(ReplaySource.truncated(Map.of(new TopicPartition("incident.events.v1", 0), 0L,
                new TopicPartition("escalation.events.v1", 2), 0L))).isEmpty();
    }

    @Test
    void a_partition_that_lost_its_first_records_is_refused_by_name() {
        var offsets = Map.of(new TopicPartition("incident.events.v1", 0), 0L,
                new TopicPartition("incident.events.v1", 2), 120L, new TopicPartition("escalation.events.v1", 1), 7L);

        assertThatThrownBy(() -> ReplaySource.requireWhole(offsets))
                .isInstanceOf(ReplaySource.TruncatedHistory.class)
                .hasMessageContaining("escalation.events.v1-1 starts at offset 7, incident.events.v1-2 starts at offset "
                        + "120")
                .hasMessageContaining("retention.ms=-1");
    }
}
