package dev.incidentloop.kit.web;

/** A request that passed binding but breaks a rule across fields; answered with 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final FieldError error;

    public InvalidRequestException(String field, String message) {
        super(field + " " + message);
        this.error = new FieldError(field, message);
    }

    public FieldError error() {
        return error;
    }
}
