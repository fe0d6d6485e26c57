package dev.incidentloop.kit.deadletter;

import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /admin/dead-letters} (admin role): what this service parked, and processing it again once the cause is fixed.
 * Every service that consumes topics has it; each answers for its own dead-letter topics.
 */
@RestController
class DeadLetterController {

    /** What to process again: one record ({@code partition} and {@code offset}), or else every one not yet. */
    record RedriveRequest(String deadLetterTopic, Integer partition, Long offset) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    Mono<Map<String, Object>> list(@RequestParam(required = false) String topic,
                                   @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidRequestException("limit", "must be 1 to 10000, was " + limit);
        }
        return blocking(() -> Map.of("topics", deadLetters.topics(), "deadLetters", deadLetters.list(topic, limit)));
    }

    @PostMapping("/admin/dead-letters/redrive")
    Mono<Object> redrive(@RequestBody RedriveRequest request, Principal principal) {
        List<FieldError> errors = new ArrayList<>();
        if (request.deadLetterTopic() == null || request.deadLetterTopic().isBlank()) {
            errors.add(new FieldError("deadLetterTopic", "is required: one of " + deadLetters.topics()));
        }
        if ((request.partition() == null) != (request.offset() == null)) {
            errors.add(new FieldError(request.partition() == null ? "partition" : "offset",
                    "goes with " + (request.partition() == null ? "offset" : "partition")
                            + ": give both for one record, neither for all"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String by = principal.getName();
        return blocking(() -> request.offset() == null
                ? deadLetters.redriveAll(request.deadLetterTopic(), by)
                : deadLetters.redrive(request.deadLetterTopic(), request.partition(), request.offset(), by));
    }

    /** Runs the broker and database work off the event loop; its refusals as problem+json. */
    private static <T> Mono<T> blocking(Supplier<T> work) {
        return Mono.fromCallable(work::get).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(DeadLetterController::problem);
    }

    private static Throwable problem(Throwable failure) {
        return switch (failure) {
            case DeadLetters.NotFound e -> new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
            case DeadLetters.NotRedrivable e -> new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage(), e);
            case DeadLetters.StillFailing e -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    e.getMessage(), e);
            default -> failure;
        };
    }
}
