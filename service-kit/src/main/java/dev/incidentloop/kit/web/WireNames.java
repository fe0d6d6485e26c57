package dev.incidentloop.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Reads enums in request parameters by the names they have in JSON (e.g. {@code it-service}), as well as by their
 * Java names, so that a query string speaks the same language as the request bodies.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class WireNames implements ConverterFactory<String, Enum> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON names of an enum's constants. */
    static List<String> of(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> MAPPER.convertValue(c, String.class)).toList();
    }

    /** Not an IllegalArgumentException: handlers of that one for domain rules must not take it for theirs. */
    static final class UnknownName extends RuntimeException {
        UnknownName(String message) {
            super(message);
        }
    }

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
        return source -> {
            for (T constant : targetType.getEnumConstants()) {
                if (constant.name().equals(source) || MAPPER.convertValue(constant, String.class).equals(source)) {
                    return constant;
                }
            }
            throw new UnknownName("must be one of " + of(targetType));
        };
    }
}
