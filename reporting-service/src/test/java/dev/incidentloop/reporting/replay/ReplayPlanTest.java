package dev.incidentloop.reporting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** How a replay reads the topics, from their partitions and offsets alone. */
class ReplayPlanTest {

    private static final String INCIDENTS = "incident.events.v1";
    private static final String ESCALATIONS = "escalation.events.v1";

    @Test
    void partitions_of_one_number_are_read_in_one_pass_when_they_fit() {
        List<TopicPartition> partitions = partitions(2, 2);

        ReplayPlan plan = ReplayPlan.of(partitions, offsets(partitions, 0), offsets(partitions, 400), 1_000);

        assertThat(plan.pollByPoll()).isFalse();
        assertThat(plan.passes()).containsExactly(
                new ReplayPlan.Pass(List.of(tp(INCIDENTS, 0), tp(ESCALATIONS, 0)), 0, 1),
                new ReplayPlan.Pass(List.of(tp(INCIDENTS, 1), tp(ESCALATIONS, 1)), 0, 1));
    }

    @Test
    void partitions_holding_more_than_a_pass_are_read_in_shares_of_their_incidents() {
        List<TopicPartition> partitions = partitions(1, 1);

        // 2 x 1,250 records from offset 100: 2,500 records, three shares of at most 1,000
        ReplayPlan plan = ReplayPlan.of(partitions, offsets(partitions, 100), offsets(partitions, 1_350), 1_000);

        assertThat(plan.passes()).extracting(ReplayPlan.Pass::share).containsExactly(0, 1, 2);
        assertThat(plan.passes()).extracting(ReplayPlan.Pass::shares).containsOnly(3);
        // every incident's records are taken by exactly one share
        for (String key : List.of("a7c1", "0b6e8c1a", "ff", "incident-42")) {
            assertThat(plan.passes().stream().filter(pass -> pass.takes(key)).count()).as(key).isEqualTo(1);
        }
        assertThat(plan.passes().getFirst().takes(null)).isTrue();
    }

    @Test
    void topics_with_different_partitions_are_read_in_one_pass_over_all_of_them() {
        List<TopicPartition> partitions = List.of(tp(INCIDENTS, 0), tp(INCIDENTS, 1), tp(ESCALATIONS, 0));

        ReplayPlan plan = ReplayPlan.of(partitions, offsets(partitions, 0), offsets(partitions, 10), 1_000);

        assertThat(plan.passes()).containsExactly(new ReplayPlan.Pass(partitions, 0, 1));
    }

    @Test
    void more_shares_than_the_limit_apply_poll_by_poll() {
        List<TopicPartition> partitions = partitions(1, 1);

        ReplayPlan atLimit = ReplayPlan.of(partitions, offsets(partitions, 0), offsets(partitions, 400), 100);
        ReplayPlan beyond = ReplayPlan.of(partitions, offsets(partitions, 0), offsets(partitions, 401), 100);

        assertThat(atLimit.pollByPoll()).isFalse();
        assertThat(atLimit.passes()).hasSize(ReplayPlan.MAX_SHARES);
        assertThat(beyond.pollByPoll()).isTrue();
        assertThat(beyond.passes()).isEmpty();
    }

    @Test
    void empty_topics_still_get_a_pass_that_reads_nothing() {
        List<TopicPartition> partitions = partitions(1, 1);

        ReplayPlan plan = ReplayPlan.of(partitions, offsets(partitions, 0), offsets(partitions, 0), 1_000);

        assertThat(plan.passes()).containsExactly(new ReplayPlan.Pass(partitions, 0, 1));
    }

    private static List<TopicPartition> partitions(int incidents, int escalations) {
        return java.util.stream.Stream.concat(
                IntStream.range(0, incidents).mapToObj(p -> tp(INCIDENTS, p)),
                IntStream.range(0, escalations).mapToObj(p -> tp(ESCALATIONS, p))).toList();
    }

    private static Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, offset));
        return offsets;
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }
}
