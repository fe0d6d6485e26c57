package dev.incidentloop.gateway.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.RateLimiter;
import dev.incidentloop.gateway.publish.BrokerUnavailable;
import dev.incidentloop.gateway.publish.IntakePublisher;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What every door does with a valid request: the integration's rate first, then the broker, and the answer only once
 * the broker has every record. Each door gives its own answers, in its format's shape.
 */
@Singleton
public final class Admission {

    private final RateLimiter rates;
    private final IntakePublisher publisher;

    Admission(RateLimiter rates, IntakePublisher publisher) {
        this.rates = rates;
        this.publisher = publisher;
    }

    /** How a door answers the three outcomes. */
    public interface Answers {
        MutableHttpResponse<byte[]> accepted();

        /** Over the integration's rate; the Retry-After header is added to it. */
        MutableHttpResponse<byte[]> tooFast();

        MutableHttpResponse<byte[]> unavailable(String reason);
    }

    /** {@code events} counts against the rate, which may be more than the reports (none, for an empty batch). */
    public CompletableFuture<MutableHttpResponse<byte[]>> admit(Integration integration, int events,
                                                               Supplier<List<IntakeReport>> reports,
                                                               Answers answers) {
        long wait = rates.admit(integration, events);
        if (wait > 0) {
            return CompletableFuture.completedFuture(answers.tooFast().header("Retry-After", Long.toString(wait)));
        }
        return publisher.publish(reports.get()).handle((done, failure) -> failure == null ? answers.accepted()
                : answers.unavailable(cause(failure).getMessage())
                        .header("Retry-After", BrokerUnavailable.RETRY_AFTER_SECONDS));
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }
}
