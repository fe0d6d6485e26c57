package dev.incidentloop.escalation.response;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Where an incident's response clock stands. */
@RestController
class ClockController {

    private final ResponseClocks clocks;

    ClockController(ResponseClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/clocks/{incidentId}")
    Mono<ResponseEntity<ResponseClock>> clock(@PathVariable UUID incidentId) {
        return Mono.fromCallable(() -> clocks.find(incidentId).map(ResponseEntity::ok)
                        .orElseGet(() -> ResponseEntity.notFound().build()))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
