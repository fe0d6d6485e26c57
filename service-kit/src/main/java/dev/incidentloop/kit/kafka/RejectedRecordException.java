package dev.incidentloop.kit.kafka;

/**
 * A record that can never be processed, whatever the retries: it goes straight to the dead-letter topic with
 * this message as its reason.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String reason) {
        super(reason);
    }
}
