package dev.incidentloop.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
                .addModule(UtcInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public byte[] encode(EventEnvelope envelope) {
        EventType type = envelope.type();
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", SPEC_VERSION);
            g.writeStringField("id", envelope.id().toString());
            g.writeStringField("source", envelope.source());
            g.writeStringField("type", type.wireType());
            g.writeStringField("time", envelope.time().toString());
            g.writeStringField("subject", envelope.incidentId().toString());
            g.writeStringField("datacontenttype", CONTENT_TYPE);
            g.writeNumberField("incidentseq", envelope.sequence());
            g.writeNumberField("schemaversion", type.version());
            g.writeFieldName("data");
            mapper.writeValue(g, envelope.data());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
        return out.toByteArray();
    }

    /** The event as {@link #encode} writes it, as a tree. */
    public ObjectNode toTree(EventEnvelope envelope) {
        try {
            return (ObjectNode) mapper.readTree(encode(envelope));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back " + envelope.type(), e);
        }
    }

    /**
     * Reads an event in one pass: when the attributes come before {@code data}, as this codec writes them, the data
     * is bound straight from the bytes; otherwise (or when it must be upcast) it is read as a tree first.
     */
    public EventEnvelope decode(byte[] json) {
        Map<String, JsonNode> attributes = new HashMap<>();
        JsonNode data = null;
        DomainEvent bound = null;
        String boundAs = null;
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventDecodingException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("data")) {
                    attributes.put(field, attribute(p));
                    continue;
                }
                Optional<EventType> current = bindableType(attributes);
                if (p.currentToken() == JsonToken.START_OBJECT && current.isPresent()) {
                    boundAs = textOrNull(attributes.get("type"));
                    try {
                        bound = mapper.readValue(p, current.get().javaType());
                    } catch (JsonProcessingException e) {
                        throw invalidData(boundAs, e);
                    }
                    data = null;
                } else {
                    data = mapper.readTree(p);
                    bound = null;
                }
            }
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventDecodingException("unreadable: " + e.getMessage(), e);
        }
        String specVersion = text(attributes, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new EventDecodingException("unsupported specversion '" + specVersion + "'");
        }
        String wireType = text(attributes, "type");
        EventType.Versioned versioned = EventType.resolve(wireType)
                .orElseThrow(() -> new EventDecodingException("unknown event type '" + wireType + "'"));
        EventType type = versioned.type();
        DomainEvent event;
        if (bound != null && wireType.equals(boundAs)) {
            event = bound;
        } else {
            if (data == null || !data.isObject()) {
                throw new EventDecodingException("missing data object");
            }
            if (versioned.version() < type.version()) {
                data = WireUpcasters.upcast(type, versioned.version(), ((ObjectNode) data).deepCopy());
            }
            try {
                event = mapper.treeToValue(data, type.javaType());
            } catch (JsonProcessingException e) {
                throw invalidData(wireType, e);
            }
        }
        if (event.incidentId() == null) {
            throw new EventDecodingException("data.incidentId is missing");
        }
        String subject = text(attributes, "subject");
        if (!event.incidentId().toString().equals(subject)) {
            throw new EventDecodingException("subject '" + subject + "' does not match data.incidentId");
        }
        JsonNode seq = attributes.get("incidentseq");
        if (seq == null || !seq.canConvertToLong()) {
            throw new EventDecodingException("missing or non-integer incidentseq");
        }
        try {
            String time = text(attributes, "time");
            Instant at = UtcInstants.parse(time);
            return new EventEnvelope(UUID.fromString(text(attributes, "id")), text(attributes, "source"),
                    at != null ? at : Instant.parse(time), seq.asLong(), event);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("invalid envelope attribute: " + e.getMessage(), e);
        }
    }

    private JsonNode attribute(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? mapper.readTree(p)
                    : LongNode.valueOf(p.getLongValue());
            default -> mapper.readTree(p);
        };
    }

    /**
     * The type named so far, if the attributes read so far pass every check that comes before the data's (spec
     * version, a known type) and the version needs no upcasting: then the data can be bound at once, and a failure
     * to bind is the error the event gets.
     */
    private static Optional<EventType> bindableType(Map<String, JsonNode> attributes) {
        if (!SPEC_VERSION.equals(textOrNull(attributes.get("specversion")))) {
            return Optional.empty();
        }
        return Optional.ofNullable(textOrNull(attributes.get("type"))).flatMap(EventType::resolve)
                .filter(v -> v.version() == v.type().version()).map(EventType.Versioned::type);
    }

    private static EventDecodingException invalidData(String wireType, JsonProcessingException e) {
        return new EventDecodingException("invalid data for " + wireType + ": " + e.getOriginalMessage(), e);
    }

    private static String textOrNull(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String text(Map<String, JsonNode> attributes, String field) {
        String value = textOrNull(attributes.get(field));
        if (value == null) {
            throw new EventDecodingException("missing or non-text attribute '" + field + "'");
        }
        return value;
    }
}
