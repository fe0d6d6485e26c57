package dev.incidentloop.events;

/**
 * A topic of the platform.
 *
 * @param key     what the record key holds
 * @param value   what the record value holds
 * @param history whether it is part of the platform's shared history, which read models are rebuilt from: such a
 *                topic keeps every record (no retention limit), so that a replay starts from the first event
 */
public record TopicSpec(String name, String key, String value, boolean history) {

    /** Where a consumer group parks the records of this topic that it cannot process. */
    public String deadLetter(String consumerGroup) {
        return name + "." + consumerGroup + ".dlt";
    }
}
