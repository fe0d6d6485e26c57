package dev.incidentloop.kit.web;

/** One field at fault in a rejected request, listed under {@code errors} in the problem+json body. */
public record FieldError(String field, String message) {
}
