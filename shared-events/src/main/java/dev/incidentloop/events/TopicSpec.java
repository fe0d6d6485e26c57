package dev.incidentloop.events;

/**
 * A topic of the platform.
 *
 * @param key   what the record key holds
 * @param value what the record value holds
 */
public record TopicSpec(String name, String key, String value) {

    /** Where a consumer group parks the records of this topic that it cannot process. */
    public String deadLetter(String consumerGroup) {
        return name + "." + consumerGroup + ".dlt";
    }
}
