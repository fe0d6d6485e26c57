package dev.incidentloop.incident.http;

import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.AddWorkNote;
import dev.incidentloop.incident.lifecycle.CloseIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Report and move incidents through their lifecycle. Every answer carries the incident's version as its ETag; a
 * change sent with {@code If-Match} applies only to that version (412 otherwise). Commands and event-store reads
 * block on JDBC, so they run on the bounded-elastic scheduler, never on a Netty event-loop thread.
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
            IncidentView view = view(id);
            return ResponseEntity.created(URI.create("/incidents/" + id)).eTag(Versions.etag(view.version()))
                    .body(view);
        });
    }

    /** The incident now, or as it stood at {@code asOf} (an ISO-8601 instant). */
    @GetMapping("/{id}")
    Mono<ResponseEntity<IncidentView>> get(@PathVariable UUID id, @RequestParam(required = false) Instant asOf) {
        return blocking(() -> views.find(id, asOf != null ? asOf : Instant.MAX)
                .map(IncidentController::withETag)
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @GetMapping("/{id}/history")
    Mono<ResponseEntity<List<HistoryEntry>>> history(@PathVariable UUID id) {
        return blocking(() -> {
            List<HistoryEntry> history = views.history(id);
            return history.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(history);
        });
    }

    @PostMapping("/{id}/acknowledge")
    Mono<ResponseEntity<IncidentView>> acknowledge(@PathVariable UUID id, Principal principal,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch) {
        return send(id, new AcknowledgeIncident(id, principal.getName(), Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/resolve")
    Mono<ResponseEntity<IncidentView>> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request,
                                               Principal principal,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, new ResolveIncident(id, principal.getName(), request.resolutionCode(), request.notes(),
                Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/close")
    Mono<ResponseEntity<IncidentView>> close(@PathVariable UUID id, Principal principal,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return send(id, new CloseIncident(id, principal.getName(), Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/notes")
    Mono<ResponseEntity<IncidentView>> addNote(@PathVariable UUID id, @Valid @RequestBody NoteRequest request,
                                               Principal principal,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, new AddWorkNote(id, principal.getName(), request.text(), Versions.fromIfMatch(ifMatch)));
    }

    private Mono<ResponseEntity<IncidentView>> send(UUID id, Object command) {
        return blocking(() -> {
            commands.sendAndWait(command);
            return withETag(view(id));
        });
    }

    private IncidentView view(UUID id) {
        return views.find(id).orElseThrow(() -> new IllegalStateException("incident " + id + " has no events"));
    }

    private static ResponseEntity<IncidentView> withETag(IncidentView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
