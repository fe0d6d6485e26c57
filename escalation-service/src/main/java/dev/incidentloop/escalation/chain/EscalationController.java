package dev.incidentloop.escalation.chain;

import dev.incidentloop.escalation.incident.TrackedIncidents;
import dev.incidentloop.events.EscalationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Manual escalation by a responder: the next level of the chosen chain is notified now. */
@RestController
class EscalationController {

    private final Chains chains;
    private final TrackedIncidents incidents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EscalationController(Chains chains, TrackedIncidents incidents, TransactionTemplate transactions, Clock clock) {
        this.chains = chains;
        this.incidents = incidents;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param kind functional (default) or hierarchical */
    record ManualEscalation(EscalationKind kind) {
    }

    record Escalated(UUID incidentId, EscalationKind kind, int level) {
    }

    @PostMapping("/escalations/{incidentId}")
    Mono<ResponseEntity<Object>> escalate(@PathVariable UUID incidentId,
                                          @RequestBody(required = false) ManualEscalation body) {
        EscalationKind kind = body == null || body.kind() == null ? EscalationKind.FUNCTIONAL : body.kind();
        return Mono.fromCallable(() -> {
            var incident = incidents.find(incidentId);
            if (incident.isEmpty() || incident.get().category() == null) {
                return ResponseEntity.notFound().build();
            }
            if (incident.get().doneAt() != null) {
                return conflict("incident " + incidentId + " is resolved or closed");
            }
            Instant now = clock.instant();
            var level = transactions.execute(s -> chains.manual(incidentId, kind, now));
            if (level == null || level.isEmpty()) {
                return conflict("the " + kind.wireName() + " chain of incident " + incidentId
                        + " has no further level");
            }
            return ResponseEntity.<Object>ok(new Escalated(incidentId, kind, level.get()));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<Object> conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Cannot escalate");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
