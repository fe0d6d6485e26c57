package dev.incidentloop.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends due webhook deliveries. Each subscription is its own queue with at most {@code per-receiver} attempts in
 * flight and a timeout per attempt, so a slow or dead receiver holds up only its own deliveries: never the feeds
 * (which the listener writes without waiting for any receiver) and never another receiver. Deliveries are claimed in
 * the database for twice the timeout, so several instances share the work without sending one delivery at once.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Deliveries deliveries;
    private final Webhooks webhooks;
    private final RetryPolicy policy;
    private final WebClient http;
    private final Clock clock;
    private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();

    WebhookDispatcher(Deliveries deliveries, Webhooks webhooks, RetryPolicy policy, WebClient.Builder http,
                      Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.policy = policy;
        this.http = http.build();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.webhooks.poll-interval:200ms}")
    void dispatch() {
        for (UUID webhookId : deliveries.dueWebhooks()) {
            Semaphore slots = inFlight.computeIfAbsent(webhookId, id -> new Semaphore(policy.perReceiver()));
            int free = slots.availablePermits();
            if (free == 0) {
                continue;
            }
            var webhook = webhooks.find(webhookId);
            if (webhook.isEmpty()) {
                continue;
            }
            Instant until = clock.instant().plus(policy.timeout().multipliedBy(2));
            List<Deliveries.Claimed> claimed = deliveries.claim(webhookId, free, until);
            for (Deliveries.Claimed delivery : claimed) {
                if (!slots.tryAcquire()) {
                    break; // the claim lapses and the delivery is picked up again
                }
                send(webhook.get(), delivery).doFinally(s -> slots.release()).subscribe();
            }
        }
    }

    private record Answer(Integer status, Duration retryAfter, String error) {
    }

    private Mono<Void> send(Webhook webhook, Deliveries.Claimed delivery) {
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        return http.post().uri(webhook.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSigner.DELIVERY, delivery.id().toString())
                .header(WebhookSigner.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSigner.EVENT_TYPE, delivery.eventType())
                .header(WebhookSigner.SIGNATURE, WebhookSigner.sign(webhook.secret(), timestamp, delivery.payload()))
                .bodyValue(delivery.payload())
                .exchangeToMono(response -> response.releaseBody().thenReturn(new Answer(
                        response.statusCode().value(), retryAfter(response.headers().asHttpHeaders()),
                        response.statusCode().is2xxSuccessful() ? null : "HTTP " + response.statusCode().value())))
                .timeout(policy.timeout())
                .onErrorResume(e -> Mono.just(new Answer(null, null, e instanceof TimeoutException
                        ? "timeout after " + policy.timeout().toMillis() + " ms" : e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()))))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(answer -> finish(webhook, delivery, started, answer))
                .then();
    }

    private void finish(Webhook webhook, Deliveries.Claimed delivery, Instant started, Answer answer) {
        Instant now = clock.instant();
        long duration = Duration.between(started, now).toMillis();
        int attempt = delivery.attempts() + 1;
        String outcome;
        Instant retryAt = null;
        if (answer.status() != null && answer.status() >= 200 && answer.status() < 300) {
            outcome = Deliveries.DELIVERED;
        } else if (!RetryPolicy.retryable(answer.status())) {
            outcome = Deliveries.FAILED;
        } else if (attempt >= policy.maxAttempts()) {
            outcome = Deliveries.DEAD;
        } else {
            outcome = Deliveries.PENDING;
            retryAt = now.plus(policy.delay(attempt, answer.retryAfter()));
        }
        try {
            deliveries.attempted(delivery, webhook, started, duration, answer.status(), answer.error(), outcome,
                    retryAt, now);
        } catch (RuntimeException e) {
            log.warn("Could not record attempt {} of delivery {}; its claim lapses and it is tried again", attempt,
                    delivery.id(), e);
        }
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the computed backoff applies
        }
    }
}
