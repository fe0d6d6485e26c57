package dev.incidentloop.kit.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns rejected requests into problem+json that names every field at fault, so a client can fix its request
 * without reading server logs.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return Mono.just(ResponseEntity.badRequest().body(invalid(detail, errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        TypeMismatchException mismatch = find(ex, TypeMismatchException.class);
        if (mismatch != null && ex.getMethodParameter() != null) {
            String field = ex.getMethodParameter().getParameterName();
            Class<?> type = mismatch.getRequiredType();
            String message = type != null && type.isEnum() ? "must be one of " + WireNames.of(type)
                    : "cannot be read as " + (type == null ? "the expected type" : type.getSimpleName())
                    + ": '" + mismatch.getValue() + "'";
            FieldError error = new FieldError(field, message);
            return Mono.just(ResponseEntity.badRequest().body(invalid(field + " " + error.message(), List.of(error))));
        }
        JsonMappingException mapping = find(ex, JsonMappingException.class);
        if (mapping == null) {
            DecodingException decoding = find(ex, DecodingException.class);
            String detail = decoding != null ? "The request body is not valid JSON" : ex.getReason();
            return Mono.just(ResponseEntity.badRequest().body(invalid(detail, List.of())));
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = mapping instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                ? "must be one of " + allowedValues(invalid)
                : mapping.getOriginalMessage();
        FieldError error = new FieldError(field.isEmpty() ? "(body)" : field, message);
        return Mono.just(ResponseEntity.badRequest().body(invalid(error.field() + " " + error.message(), List.of(error))));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(invalid(ex.getMessage(), ex.errors()));
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String allowedValues(InvalidFormatException invalid) {
        // The enum's wire names are what Jackson lists in its message: "... accepted for Enum class: [a, b]".
        String message = invalid.getOriginalMessage();
        int start = message.lastIndexOf('[');
        int end = message.lastIndexOf(']');
        return start >= 0 && end > start ? message.substring(start, end + 1) : message;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
