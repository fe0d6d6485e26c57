package dev.incidentloop.incident.http;

import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.CloseIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Report and move incidents through their lifecycle. Commands and event-store reads block on JDBC, so they run on
 * the bounded-elastic scheduler, never on a Netty event-loop thread.
 */
@RestController
@RequestMapping("/incidents")
class IncidentController {

    private final CommandGateway commands;
    private final IncidentViews views;

    IncidentController(CommandGateway commands, IncidentViews views) {
        this.commands = commands;
        this.views = views;
    }

    @PostMapping
    Mono<ResponseEntity<IncidentView>> report(@Valid @RequestBody ReportRequest request, Principal principal) {
        UUID id = UUID.randomUUID();
        return blocking(() -> {
            commands.sendAndWait(new ReportIncident(id, request.title(), request.description(), request.category(),
                    request.impact(), request.urgency(), principal.getName(), "http"));
            return ResponseEntity.created(URI.create("/incidents/" + id)).body(view(id));
        });
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<IncidentView>> get(@PathVariable UUID id) {
        return blocking(() -> views.find(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @PostMapping("/{id}/acknowledge")
    Mono<IncidentView> acknowledge(@PathVariable UUID id, Principal principal) {
        return send(id, new AcknowledgeIncident(id, principal.getName()));
    }

    @PostMapping("/{id}/resolve")
    Mono<IncidentView> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request,
                               Principal principal) {
        return send(id, new ResolveIncident(id, principal.getName(), request.resolutionCode(), request.notes()));
    }

    @PostMapping("/{id}/close")
    Mono<IncidentView> close(@PathVariable UUID id, Principal principal) {
        return send(id, new CloseIncident(id, principal.getName()));
    }

    private Mono<IncidentView> send(UUID id, Object command) {
        return blocking(() -> {
            commands.sendAndWait(command);
            return view(id);
        });
    }

    private IncidentView view(UUID id) {
        return views.find(id).orElseThrow(() -> new IllegalStateException("incident " + id + " has no events"));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
