package dev.incidentloop.events;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for the event streams. Decoding failures throw {@link EventDecodingException}. */
public final class EnvelopeSerde implements Serde<EventEnvelope> {

    @Override
    public Serializer<EventEnvelope> serializer() {
        return new EnvelopeSerializer();
    }

    @Override
    public Deserializer<EventEnvelope> deserializer() {
        return new EnvelopeDeserializer();
    }

    /** Public so that Kafka can instantiate it from a class name in configuration. */
    public static final class EnvelopeSerializer implements Serializer<EventEnvelope> {
        private final EventCodec codec = new EventCodec();

        @Override
        public byte[] serialize(String topic, EventEnvelope data) {
            return data == null ? null : codec.encode(data);
        }
    }

    /** Public so that Kafka can instantiate it from a class name in configuration. */
    public static final class EnvelopeDeserializer implements Deserializer<EventEnvelope> {
        private final EventCodec codec = new EventCodec();

        @Override
        public EventEnvelope deserialize(String topic, byte[] data) {
            if (data == null) {
                throw new EventDecodingException("record has no value");
            }
            return codec.decode(data);
        }
    }
}
