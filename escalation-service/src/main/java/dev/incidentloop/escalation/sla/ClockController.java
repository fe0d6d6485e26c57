package dev.incidentloop.escalation.sla;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Where an incident's clocks stand: the response clock first, then the resolution clock. */
@RestController
class ClockController {

    private final SlaService sla;

    ClockController(SlaService sla) {
        this.sla = sla;
    }

    @GetMapping("/clocks/{incidentId}")
    Mono<ResponseEntity<List<SlaClockState>>> clocks(@PathVariable UUID incidentId) {
        return Mono.fromCallable(() -> {
            List<SlaClockState> found = sla.find(incidentId);
            return found.isEmpty() ? ResponseEntity.notFound().<List<SlaClockState>>build() : ResponseEntity.ok(found);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
