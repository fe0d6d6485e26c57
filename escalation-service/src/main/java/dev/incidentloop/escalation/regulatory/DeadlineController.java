package dev.incidentloop.escalation.regulatory;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An incident's reporting obligations, and a responder recording one as done (e.g. the leadership was informed). */
@RestController
class DeadlineController {

    private final RegulatoryDeadlines deadlines;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineController(RegulatoryDeadlines deadlines, TransactionTemplate transactions, Clock clock) {
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Fulfilment(String note) {
    }

    @GetMapping("/deadlines/{incidentId}")
    Mono<List<RegulatoryDeadline>> list(@PathVariable UUID incidentId) {
        return Mono.fromCallable(() -> deadlines.find(incidentId)).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/deadlines/{incidentId}/{name}")
    Mono<ResponseEntity<Object>> fulfil(@PathVariable UUID incidentId, @PathVariable String name,
                                        @RequestBody(required = false) Fulfilment body, Principal responder) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            var outcome = transactions.execute(s -> deadlines.fulfil(incidentId, name, now, responder.getName(),
                    body == null ? null : body.note(), now));
            ResponseEntity<Object> response = switch (outcome) {
                case UNKNOWN -> ResponseEntity.notFound().<Object>build();
                case ALREADY_FULFILLED -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            "'" + name + "' of incident " + incidentId + " was already recorded as done");
                    problem.setTitle("Already done");
                    yield ResponseEntity.status(HttpStatus.CONFLICT).<Object>body(problem);
                }
                case MET, LATE -> ResponseEntity.<Object>ok(deadlines.find(incidentId).stream()
                        .filter(d -> d.name().equals(name)).findFirst().orElseThrow());
            };
            return response;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
