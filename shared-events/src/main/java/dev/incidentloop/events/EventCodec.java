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
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        // the attributes this codec reads; a text one is null when missing or not text
        String specVersion = null;
        String id = null;
        String source = null;
        String wireType = null;
        String time = null;
        String subject = null;
        JsonNode seq = null;
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
                switch (field) {
                    case "specversion" -> specVersion = text(p);
                    case "id" -> id = text(p);
                    case "source" -> source = text(p);
                    case "type" -> wireType = text(p);
                    case "time" -> time = text(p);
                    case "subject" -> subject = text(p);
                    case "incidentseq" -> seq = number(p);
                    case "data" -> {
                        Optional<EventType.Versioned> current = bindable(specVersion, wireType);
                        if (p.currentToken() == JsonToken.START_OBJECT && current.isPresent()) {
                            boundAs = wireType;
                            try {
                                bound = mapper.readValue(p, current.get().type().javaType());
                            } catch (JsonProcessingException e) {
                                throw invalidData(boundAs, e);
                            }
                            data = null;
                        } else {
                            data = mapper.readTree(p);
                            bound = null;
                        }
                    }
                    default -> p.skipChildren(); // other attributes are no concern of the platform
                }
            }
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventDecodingException("unreadable: " + e.getMessage(), e);
        }
        if (!SPEC_VERSION.equals(required(specVersion, "specversion"))) {
            throw new EventDecodingException("unsupported specversion '" + specVersion + "'");
        }
        String type = required(wireType, "type");
        DomainEvent event;
        if (bound != null && type.equals(boundAs)) {
            event = bound;
        } else {
            EventType.Versioned versioned = EventType.resolve(type)
                    .orElseThrow(() -> new EventDecodingException("unknown event type '" + type + "'"));
            if (data == null || !data.isObject()) {
                throw new EventDecodingException("missing data object");
            }
            if (versioned.version() < versioned.type().version()) {
                data = WireUpcasters.upcast(versioned.type(), versioned.version(), ((ObjectNode) data).deepCopy());
            }
            try {
                event = mapper.treeToValue(data, versioned.type().javaType());
            } catch (JsonProcessingException e) {
                throw invalidData(type, e);
            }
        }
        if (event.incidentId() == null) {
            throw new EventDecodingException("data.incidentId is missing");
        }
        if (!event.incidentId().toString().equals(required(subject, "subject"))) {
            throw new EventDecodingException("subject '" + subject + "' does not match data.incidentId");
        }
        if (seq == null || !seq.canConvertToLong()) {
            throw new EventDecodingException("missing or non-integer incidentseq");
        }
        try {
            Instant at = UtcInstants.parse(required(time, "time"));
            return new EventEnvelope(UUID.fromString(required(id, "id")), required(source, "source"),
                    at != null ? at : Instant.parse(time), seq.asLong(), event);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("invalid envelope attribute: " + e.getMessage(), e);
        }
    }

    /** A text attribute, or null for any other value (which is skipped). */
    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private JsonNode number(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? LongNode.valueOf(p.getLongValue())
                : mapper.readTree(p);
    }

    /**
     * The type named so far, if the attributes read so far pass every check that comes before the data's (spec
     * version, a known type) and the version needs no upcasting: then the data can be bound at once, and a failure
     * to bind is the error the event gets.
     */
    private static Optional<EventType.Versioned> bindable(String specVersion, String wireType) {
        if (!SPEC_VERSION.equals(specVersion) || wireType == null) {
            return Optional.empty();
        }
        return EventType.resolve(wireType).filter(v -> v.version() == v.type().version());
    }

    private static EventDecodingException invalidData(String wireType, JsonProcessingException e) {
        return new EventDecodingException("invalid data for " + wireType + ": " + e.getOriginalMessage(), e);
    }

    private static String required(String value, String attribute) {
        if (value == null) {
            throw new EventDecodingException("missing or non-text attribute '" + attribute + "'");
        }
        return value;
    }
}
