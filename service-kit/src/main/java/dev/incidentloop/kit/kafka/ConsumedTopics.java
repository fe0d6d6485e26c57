package dev.incidentloop.kit.kafka;

import dev.incidentloop.events.TopicSpec;
import java.util.List;

/** The topics a service consumes; each gets a dead-letter topic for the service's consumer group. */
public record ConsumedTopics(List<TopicSpec> topics) {

    public static ConsumedTopics of(TopicSpec... topics) {
        return new ConsumedTopics(List.of(topics));
    }
}
