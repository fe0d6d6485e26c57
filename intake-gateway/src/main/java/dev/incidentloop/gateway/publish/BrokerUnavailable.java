package dev.incidentloop.gateway.publish;

/** The broker did not acknowledge a request's records in time: nothing of the request is confirmed. */
public final class BrokerUnavailable extends RuntimeException {

    /** What a client is told to wait before it tries again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    public BrokerUnavailable(Throwable cause) {
        super("the event broker did not acknowledge in time: " + cause.getMessage(), cause);
    }
}
