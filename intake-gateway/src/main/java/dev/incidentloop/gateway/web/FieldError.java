package dev.incidentloop.gateway.web;

/** One field at fault in a refused request. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
