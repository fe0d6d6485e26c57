package dev.incidentloop.incident.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentloop.events.EventType;
import dev.incidentloop.events.WireUpcasters;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events are stored with the contract's schema version as their revision, so that a stored event of an older
 * version is upcast on reading, by the same step that upcasts it on the wire ({@link WireUpcasters}).
 */
@Configuration
class EventSerialization {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper.copy())
                .revisionResolver(type -> EventType.forClass(type).map(t -> Integer.toString(t.version())).orElse(null))
                .build();
    }

    /**
     * A stored event of an earlier revision, read as the current one: every step the contract has
     * ({@link WireUpcasters}), one revision at a time, so that the store and the wire upcast alike.
     */
    @Bean
    SingleEventUpcaster contractUpcaster() {
        return new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return stepFrom(representation) != null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                EventType type = stepFrom(representation);
                int from = Integer.parseInt(representation.getType().getRevision());
                return representation.upcastPayload(
                        new SimpleSerializedType(representation.getType().getName(), Integer.toString(from + 1)),
                        JsonNode.class, data -> WireUpcasters.step(type, from, (ObjectNode) data));
            }

            /** The event type of a representation that is a revision behind its type's current version. */
            private EventType stepFrom(IntermediateEventRepresentation representation) {
                String revision = representation.getType().getRevision();
                if (revision == null) {
                    return null;
                }
                EventType type = TYPES_BY_CLASS_NAME.get(representation.getType().getName());
                return type != null && WireUpcasters.hasStep(type, Integer.parseInt(revision)) ? type : null;
            }
        };
    }

    private static final Map<String, EventType> TYPES_BY_CLASS_NAME = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(t -> t.javaType().getName(), t -> t));
}
