package dev.incidentloop.escalation.oncall;

import dev.incidentloop.escalation.store.Documents;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Who is on call for a team (the schedule named after it) at an instant, and its next shifts. */
@RestController
class OnCallController {

    private static final int MAX_SHIFTS = 500;

    private final Documents documents;
    private final Clock clock;

    OnCallController(Documents documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    public record OnCallAt(String schedule, Instant at, String user, String source) {
    }

    @GetMapping("/oncall/{schedule}")
    Mono<ResponseEntity<OnCallAt>> at(@PathVariable String schedule, @RequestParam(required = false) Instant at) {
        Instant when = at != null ? at : clock.instant();
        return Mono.fromCallable(() -> documents.find(Documents.Kind.SCHEDULE, schedule, Schedule.class).map(s -> {
            Schedule.OnCall onCall = s.at(when);
            return ResponseEntity.ok(new OnCallAt(schedule, when, onCall.user(), onCall.source()));
        }).orElseGet(() -> ResponseEntity.notFound().build())).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/oncall/{schedule}/shifts")
    Mono<ResponseEntity<List<Schedule.Shift>>> shifts(@PathVariable String schedule,
                                                     @RequestParam(required = false) Instant from,
                                                     @RequestParam(defaultValue = "10") int count) {
        if (count < 1 || count > MAX_SHIFTS) {
            throw new InvalidRequestException("count", "must be between 1 and " + MAX_SHIFTS);
        }
        Instant start = from != null ? from : clock.instant();
        return Mono.fromCallable(() -> documents.find(Documents.Kind.SCHEDULE, schedule, Schedule.class).map(s -> ResponseEntity.ok(s.shifts(start, count)))
                .orElseGet(() -> ResponseEntity.notFound().build())).subscribeOn(Schedulers.boundedElastic());
    }
}
