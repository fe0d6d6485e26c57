package dev.incidentloop.reporting.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;

/**
 * How a replay reads the topics, decided from their partitions and offsets alone. What the topics hold is read in
 * passes, each folding the events of a share of the incidents in memory. A pass reads one partition number of each
 * topic (an incident's events of both topics are in the partitions of the same number, as both are keyed by incident
 * id and have as many partitions), and only a share of its incidents when the partitions hold more than
 * {@code passRecords} records, which bounds the memory a pass takes. A replay that would need more than
 * {@link #MAX_SHARES} shares of one partition number is applied poll by poll instead.
 *
 * @param passes     in order; empty when the replay applies poll by poll
 * @param pollByPoll whether it applies poll after poll, as the live listener does
 */
record ReplayPlan(List<Pass> passes, boolean pollByPoll) {

    /**
     * Each share of a partition's incidents reads the whole partition: beyond this many the polling would cost more
     * than folding in memory saves.
     */
    static final int MAX_SHARES = 8;

    /**
     * Some partitions, read from their beginning, of whose incidents one share is folded. A share is told by the
     * record key (the incident id), before the record is decoded; a record without one is in the first.
     */
    record Pass(List<TopicPartition> partitions, int share, int shares) {

        boolean takes(String key) {
            return Math.floorMod(key == null ? 0 : key.hashCode(), shares) == share;
        }
    }

    /**
     * One pass per partition number when both topics have the same partitions, else one over all partitions; each
     * split into as many shares of incidents as its records need to stay within {@code passRecords}.
     */
    static ReplayPlan of(List<TopicPartition> partitions, Map<TopicPartition, Long> begin,
                         Map<TopicPartition, Long> end, long passRecords) {
        Map<String, Set<Integer>> numbers = partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic,
                Collectors.mapping(TopicPartition::partition, Collectors.toSet())));
        boolean alike = new HashSet<>(numbers.values()).size() == 1;
        Map<Integer, List<TopicPartition>> groups = partitions.stream().collect(Collectors.groupingBy(
                p -> alike ? p.partition() : 0, TreeMap::new, Collectors.toList()));
        List<Pass> passes = new ArrayList<>();
        for (List<TopicPartition> group : groups.values()) {
            long records = group.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            int shares = (int) Math.max(1, (records + passRecords - 1) / passRecords);
            if (shares > MAX_SHARES) {
                return new ReplayPlan(List.of(), true);
            }
            IntStream.range(0, shares).forEach(share -> passes.add(new Pass(group, share, shares)));
        }
        return new ReplayPlan(List.copyOf(passes), false);
    }
}
