package dev.incidentloop.notification.webhook;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.EventType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.net.URI;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Webhook subscriptions (admin) and their delivery log. A subscription's secret is given when it is created or
 * replaced (or generated, and then shown once in the answer); it is never shown again.
 */
@RestController
class WebhookController {

    private static final Set<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::wireName)
            .collect(Collectors.toSet());
    private static final Set<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::name)
            .collect(Collectors.toSet());
    private static final Set<String> EVENT_TYPES = Arrays.stream(EventType.values()).map(EventType::typeName)
            .collect(Collectors.toSet());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final Deliveries deliveries;

    WebhookController(Webhooks webhooks, Deliveries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    /** What an admin sends to create or replace a subscription. */
    record Subscription(String name, String url, String secret, List<String> categories, List<String> priorities,
                        List<String> teams, List<String> eventTypes) {
    }

    /** The answer to a create or replace: the subscription, and its secret this once. */
    record Saved(Webhook webhook, String secret) {
    }

    @GetMapping("/webhooks")
    Mono<List<Webhook>> all() {
        return Mono.fromCallable(webhooks::all).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/webhooks/{id}")
    Mono<ResponseEntity<Webhook>> one(@PathVariable UUID id) {
        return Mono.fromCallable(() -> webhooks.find(id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build())).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/webhooks")
    Mono<ResponseEntity<Saved>> create(@RequestBody Subscription body, Principal admin) {
        return save(UUID.randomUUID(), body, admin).map(saved -> ResponseEntity
                .created(URI.create("/webhooks/" + saved.webhook().id())).body(saved));
    }

    @PutMapping("/webhooks/{id}")
    Mono<ResponseEntity<Saved>> replace(@PathVariable UUID id, @RequestBody Subscription body, Principal admin) {
        return Mono.fromCallable(() -> webhooks.find(id).isPresent()).subscribeOn(Schedulers.boundedElastic())
                .flatMap(exists -> exists ? save(id, body, admin).map(ResponseEntity::ok)
                        : Mono.just(ResponseEntity.notFound().build()));
    }

    @DeleteMapping("/webhooks/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
        return Mono.fromCallable(() -> webhooks.delete(id) ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.notFound().<Void>build()).subscribeOn(Schedulers.boundedElastic());
    }

    /** A subscription's deliveries, newest first; {@code status} = pending, delivered, failed or dead. */
    @GetMapping("/webhooks/{id}/deliveries")
    Mono<List<Delivery>> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !Set.of(Deliveries.PENDING, Deliveries.DELIVERED, Deliveries.FAILED, Deliveries.DEAD)
                .contains(status)) {
            throw new InvalidRequestException("status", "must be one of pending, delivered, failed, dead");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return Mono.fromCallable(() -> deliveries.of(id, status, limit)).subscribeOn(Schedulers.boundedElastic());
    }

    /** One delivery with every attempt. */
    @GetMapping("/webhooks/deliveries/{deliveryId}")
    Mono<ResponseEntity<Delivery>> delivery(@PathVariable UUID deliveryId) {
        return Mono.fromCallable(() -> deliveries.find(deliveryId).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build())).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Tries a failed or dead delivery once more (202 with the delivery, pending again); 409 for one still pending
     * or delivered, 404 for an unknown one.
     */
    @PostMapping("/webhooks/deliveries/{deliveryId}/retry")
    Mono<ResponseEntity<Delivery>> retry(@PathVariable UUID deliveryId) {
        return Mono.fromCallable(() -> switch (deliveries.retry(deliveryId)) {
            case QUEUED -> ResponseEntity.accepted().body(deliveries.find(deliveryId).orElseThrow());
            case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + deliveryId);
            case NOT_ENDED -> throw new ResponseStatusException(HttpStatus.CONFLICT, "delivery " + deliveryId
                    + " has not failed: a pending delivery is tried on its own, a delivered one is done");
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Saved> save(UUID id, Subscription body, Principal admin) {
        List<FieldError> problems = new ArrayList<>();
        if (body.name() == null || body.name().isBlank() || body.name().length() > 80) {
            problems.add(new FieldError("name", "must be 1-80 characters"));
        }
        if (!httpUrl(body.url())) {
            problems.add(new FieldError("url", "must be an absolute http or https URL"));
        }
        if (body.secret() != null && body.secret().length() < 16) {
            problems.add(new FieldError("secret", "must be at least 16 characters (or left out to have one made)"));
        }
        check("categories", body.categories(), CATEGORIES, problems);
        check("priorities", body.priorities(), PRIORITIES, problems);
        check("eventTypes", body.eventTypes(), EVENT_TYPES, problems);
        if (body.teams() != null && body.teams().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add(new FieldError("teams", "must not contain blank names"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        String secret = body.secret() != null ? body.secret() : HexFormat.of().formatHex(randomBytes());
        Webhook webhook = new Webhook(id, body.name().trim(), body.url(), secret, body.categories(), body.priorities(),
                body.teams(), body.eventTypes());
        return Mono.fromCallable(() -> {
            if (webhooks.nameTaken(webhook.name(), id)) {
                throw new InvalidRequestException("name", "another subscription is called '" + webhook.name() + "'");
            }
            webhooks.save(webhook, admin.getName());
            return new Saved(webhook, secret);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static void check(String field, List<String> values, Set<String> known, List<FieldError> problems) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (!known.contains(value)) {
                problems.add(new FieldError(field, "'" + value + "' is not one of " + known.stream().sorted().toList()));
            }
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
