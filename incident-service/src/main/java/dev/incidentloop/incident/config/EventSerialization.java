package dev.incidentloop.incident.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentloop.events.EventType;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.WireUpcasters;
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

    /** IncidentResolved revision 1 -> 2: notes renamed to resolutionNotes; line of support and fix type unknown. */
    @Bean
    SingleEventUpcaster incidentResolvedV1ToV2() {
        return new SingleEventUpcaster() {
            private final SimpleSerializedType v1 = new SimpleSerializedType(IncidentResolved.class.getName(), "1");
            private final SimpleSerializedType v2 = new SimpleSerializedType(IncidentResolved.class.getName(), "2");

            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().equals(v1);
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(v2, JsonNode.class,
                        data -> WireUpcasters.upcast(EventType.INCIDENT_RESOLVED, 1, (ObjectNode) data));
            }
        };
    }
}
