package dev.incidentloop.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads and writes events in CloudEvents 1.0 structured JSON mode. Extension attributes:
 * {@code incidentseq} (the event's position in its incident's stream) and {@code schemaversion}.
 * Unknown attributes and unknown data fields are ignored on read, so producers may add fields.
 */
public final class EventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper mapper;

    public EventCodec() {
        this(defaultMapper());
    }

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper the contract is written with: ISO-8601 instants and durations, unknown fields ignored. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public byte[] encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(toTree(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
    }

    public ObjectNode toTree(EventEnvelope envelope) {
        EventType type = envelope.type();
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", envelope.id().toString());
        node.put("source", envelope.source());
        node.put("type", type.wireType());
        node.put("time", envelope.time().toString());
        node.put("subject", envelope.incidentId().toString());
        node.put("datacontenttype", CONTENT_TYPE);
        node.put("incidentseq", envelope.sequence());
        node.put("schemaversion", type.version());
        node.set("data", mapper.valueToTree(envelope.data()));
        return node;
    }

    public EventEnvelope decode(byte[] json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventDecodingException("unreadable: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new EventDecodingException("not a JSON object");
        }
        String specVersion = text(node, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new EventDecodingException("unsupported specversion '" + specVersion + "'");
        }
        String wireType = text(node, "type");
        EventType.Versioned versioned = EventType.resolve(wireType)
                .orElseThrow(() -> new EventDecodingException("unknown event type '" + wireType + "'"));
        EventType type = versioned.type();
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new EventDecodingException("missing data object");
        }
        if (versioned.version() < type.version()) {
            data = WireUpcasters.upcast(type, versioned.version(), ((ObjectNode) data).deepCopy());
        }
        DomainEvent event;
        try {
            event = mapper.treeToValue(data, type.javaType());
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("invalid data for " + wireType + ": " + e.getOriginalMessage(), e);
        }
        if (event.incidentId() == null) {
            throw new EventDecodingException("data.incidentId is missing");
        }
        String subject = text(node, "subject");
        if (!event.incidentId().toString().equals(subject)) {
            throw new EventDecodingException("subject '" + subject + "' does not match data.incidentId");
        }
        JsonNode seq = node.get("incidentseq");
        if (seq == null || !seq.canConvertToLong()) {
            throw new EventDecodingException("missing or non-integer incidentseq");
        }
        try {
            return new EventEnvelope(UUID.fromString(text(node, "id")), text(node, "source"),
                    Instant.parse(text(node, "time")), seq.asLong(), event);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("invalid envelope attribute: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new EventDecodingException("missing or non-text attribute '" + field + "'");
        }
        return value.asText();
    }
}
