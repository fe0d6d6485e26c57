package dev.incidentloop.incident.http;

import dev.incidentloop.events.CancelReason;
import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.AddWorkNote;
import dev.incidentloop.incident.lifecycle.AssignIncident;
import dev.incidentloop.incident.lifecycle.CancelIncident;
import dev.incidentloop.incident.lifecycle.CloseIncident;
import dev.incidentloop.incident.lifecycle.ConfirmResolution;
import dev.incidentloop.incident.lifecycle.LinkRecord;
import dev.incidentloop.incident.lifecycle.PutOnHold;
import dev.incidentloop.incident.lifecycle.ReclassifyIncident;
import dev.incidentloop.incident.lifecycle.RejectResolution;
import dev.incidentloop.incident.lifecycle.ReopenIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import dev.incidentloop.incident.lifecycle.ResumeIncident;
import dev.incidentloop.kit.security.Role;
import dev.incidentloop.kit.web.InvalidRequestException;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.axonframework.common.caching.Cache;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
 * Report incidents and move them through their lifecycle. Every answer carries the incident's version as its ETag;
 * a change sent with {@code If-Match} applies only to that version (412 otherwise). Commands and event-store reads
 * block on JDBC, so they run on the bounded-elastic scheduler, never on a Netty event-loop thread.
 */
@RestController
@RequestMapping("/incidents")
class IncidentController {

    private final CommandGateway commands;
    private final IncidentViews views;
    private final RequestChecks checks;
    /** The aggregate cache (Axon's, keyed by incident id), from which a stale incident is dropped. */
    private final Cache incidentCache;

    IncidentController(CommandGateway commands, IncidentViews views, RequestChecks checks,
                       @Qualifier("incidentCache") Cache incidentCache) {
        this.commands = commands;
        this.views = views;
        this.checks = checks;
        this.incidentCache = incidentCache;
    }

    @PostMapping
    Mono<ResponseEntity<IncidentView>> report(@RequestBody ReportRequest request, Principal principal) {
        var classification = checks.classification(request, request.category(), request.impact(),
                request.urgency(), request.classification());
        UUID id = UUID.randomUUID();
        return blocking(() -> {
            commands.sendAndWait(new ReportIncident(id, request.title(), request.description(), classification,
                    principal.getName(), "http"));
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
        return send(id, ifMatch, v -> new AcknowledgeIncident(id, principal.getName(), v));
    }

    @PostMapping("/{id}/assign")
    Mono<ResponseEntity<IncidentView>> assign(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Assign body,
                                              Principal principal,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        return send(id, ifMatch, v -> new AssignIncident(id, body.assignmentGroup(), body.assignee(),
                body.supportLine(), body.reason(), principal.getName(), v));
    }

    @PostMapping("/{id}/hold")
    Mono<ResponseEntity<IncidentView>> hold(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Hold body,
                                            Principal principal,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        return send(id, ifMatch, v -> new PutOnHold(id, body.reason(), principal.getName(), v));
    }

    @PostMapping("/{id}/resume")
    Mono<ResponseEntity<IncidentView>> resume(@PathVariable UUID id, Principal principal,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        return send(id, ifMatch, v -> new ResumeIncident(id, principal.getName(), v));
    }

    @PostMapping("/{id}/resolve")
    Mono<ResponseEntity<IncidentView>> resolve(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Resolve body,
                                               Principal principal,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, ifMatch, v -> new ResolveIncident(id, principal.getName(), body.resolutionCode(),
                body.notes(), body.supportLine(), body.fixType(), v));
    }

    @PostMapping("/{id}/confirm")
    Mono<ResponseEntity<IncidentView>> confirm(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Confirm body,
                                               Principal principal,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, ifMatch, v -> new ConfirmResolution(id, body.satisfaction(), body.comment(),
                principal.getName(), worksIncidents(principal), v));
    }

    @PostMapping("/{id}/reject")
    Mono<ResponseEntity<IncidentView>> reject(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Reason body,
                                              Principal principal,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        return send(id, ifMatch, v -> new RejectResolution(id, body.reason(), principal.getName(),
                worksIncidents(principal), v));
    }

    @PostMapping("/{id}/reopen")
    Mono<ResponseEntity<IncidentView>> reopen(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Reason body,
                                              Principal principal,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        return send(id, ifMatch, v -> new ReopenIncident(id, body.reason(), principal.getName(), v));
    }

    @PostMapping("/{id}/close")
    Mono<ResponseEntity<IncidentView>> close(@PathVariable UUID id, Principal principal,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return send(id, ifMatch, v -> new CloseIncident(id, principal.getName(), v));
    }

    @PostMapping("/{id}/cancel")
    Mono<ResponseEntity<IncidentView>> cancel(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Cancel body,
                                              Principal principal,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        if (body.reason() == CancelReason.DUPLICATE && body.duplicateOf() == null) {
            throw new InvalidRequestException("duplicateOf", "is required when the reason is duplicate");
        }
        if (id.equals(body.duplicateOf())) {
            throw new InvalidRequestException("duplicateOf", "must be another incident");
        }
        return send(id, ifMatch, v -> new CancelIncident(id, body.reason(), body.duplicateOf(),
                principal.getName(), v));
    }

    @PostMapping("/{id}/reclassify")
    Mono<ResponseEntity<IncidentView>> reclassify(@PathVariable UUID id,
                                                  @RequestBody CommandRequests.Reclassify body,
                                                  Principal principal,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        var classification = checks.classification(body, body.category(), body.impact(), body.urgency(),
                body.classification());
        return send(id, ifMatch, v -> new ReclassifyIncident(id, classification, body.reason(),
                principal.getName(), v));
    }

    @PostMapping("/{id}/notes")
    Mono<ResponseEntity<IncidentView>> addNote(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Note body,
                                               Principal principal,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, ifMatch, v -> new AddWorkNote(id, principal.getName(), body.text(), v));
    }

    @PostMapping("/{id}/links")
    Mono<ResponseEntity<IncidentView>> link(@PathVariable UUID id, @Valid @RequestBody CommandRequests.Link body,
                                            Principal principal,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        return send(id, ifMatch, v -> new LinkRecord(id, body.linkType(), body.reference(), principal.getName(), v));
    }

    /**
     * Sends the command built for the If-Match version (null: any), then answers with the incident after it. Should it
     * meet an incident this instance cached while another changed it ({@link StaleCache}), the cached one is dropped
     * and the command sent again.
     */
    private Mono<ResponseEntity<IncidentView>> send(UUID id, String ifMatch, Function<Long, Object> command) {
        Object built = command.apply(Versions.fromIfMatch(ifMatch));
        return blocking(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    commands.sendAndWait(built);
                    return withETag(view(id));
                } catch (RuntimeException failed) {
                    if (attempt == StaleCache.ATTEMPTS
                            || !StaleCache.met(failed, () -> views.find(id).map(IncidentView::state).orElse(null))) {
                        throw failed;
                    }
                    incidentCache.remove(id.toString());
                }
            }
        });
    }

    /** A responder (or an admin, who has every role) may answer a resolution for its reporter. */
    private static boolean worksIncidents(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(granted -> ("ROLE_" + Role.RESPONDER.name()).equals(granted.getAuthority()));
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
