package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.Topics;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The intake topic over HTTP, for systems that cannot publish to Kafka: the same JSON, checked against the same
 * schema, then published on the topic keyed by its dedup key, so that both ways have the same semantics.
 */
@RestController
class IntakeController {

    private final IntakeValidator validator;
    private final KafkaTemplate<String, Object> kafka;

    IntakeController(IntakeValidator validator, KafkaTemplate<String, Object> kafka) {
        this.validator = validator;
        this.kafka = kafka;
    }

    @PostMapping("/intake")
    Mono<ResponseEntity<Map<String, String>>> intake(@RequestBody byte[] body) {
        IntakeReport report = validator.parseRequest(body);
        return Mono.fromFuture(kafka.send(Topics.INTAKE.name(), report.effectiveDedupKey(), body))
                .map(sent -> ResponseEntity.accepted().body(Map.of(
                        "reportId", report.reportId(),
                        "dedupKey", report.effectiveDedupKey(),
                        "action", report.effectiveAction().wireName())));
    }
}
