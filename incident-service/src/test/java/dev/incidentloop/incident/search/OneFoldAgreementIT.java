package dev.incidentloop.incident.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.LinkType;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.AddWorkNote;
import dev.incidentloop.incident.lifecycle.AssignIncident;
import dev.incidentloop.incident.lifecycle.CancelIncident;
import dev.incidentloop.incident.lifecycle.CloseIncident;
import dev.incidentloop.incident.lifecycle.ConfirmResolution;
import dev.incidentloop.incident.lifecycle.EscalateToLine;
import dev.incidentloop.incident.lifecycle.IncidentFacts;
import dev.incidentloop.incident.lifecycle.LinkRecord;
import dev.incidentloop.incident.lifecycle.PutOnHold;
import dev.incidentloop.incident.lifecycle.ReclassifyIncident;
import dev.incidentloop.incident.lifecycle.RecordAlertRepeats;
import dev.incidentloop.incident.lifecycle.RejectResolution;
import dev.incidentloop.incident.lifecycle.ReopenIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import dev.incidentloop.incident.lifecycle.ResumeIncident;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The incident's story is folded once ({@link IncidentFacts}) and read three ways: by the aggregate that decides the
 * next command, by the API's view and by the search table. Random valid histories, driven through the real
 * aggregate, must leave the three agreeing: every command the view offers is taken by the aggregate and one it does
 * not offer is refused, and the search row holds what the view shows, whether the projection folded from memory or
 * from the row (it is made to forget at random).
 */
@ServiceIntegrationTest
class OneFoldAgreementIT {

    private static final long SEED = 20261207L;
    private static final int INCIDENTS = 40;
    private static final int MAX_STEPS = 14;

    /** Every command the API offers, as the aggregate takes it, for an incident. */
    private static final Map<String, Function<UUID, Object>> COMMANDS = Map.ofEntries(
            Map.entry("acknowledge", id -> new AcknowledgeIncident(id, "zhang.min", null)),
            Map.entry("assign", id -> new AssignIncident(id, "network", "wang.fang", SupportLine.SECOND, "skills",
                    "zhang.min", null)),
            Map.entry("put-on-hold", id -> new PutOnHold(id, HoldReason.AWAITING_VENDOR, "zhang.min", null)),
            Map.entry("resume", id -> new ResumeIncident(id, "zhang.min", null)),
            Map.entry("resolve", id -> new ResolveIncident(id, "zhang.min", "fixed", "restarted", SupportLine.SECOND,
                    FixType.WORKAROUND, null)),
            Map.entry("confirm", id -> new ConfirmResolution(id, 4, "quick", "li.wei", false, null)),
            Map.entry("reject", id -> new RejectResolution(id, "still broken", "li.wei", false, null)),
            Map.entry("reopen", id -> new ReopenIncident(id, "came back", "zhang.min", null)),
            Map.entry("close", id -> new CloseIncident(id, "zhang.min", null)),
            Map.entry("cancel", id -> new CancelIncident(id, CancelReason.NOT_AN_INCIDENT, null, "zhang.min", null)),
            Map.entry("reclassify", id -> new ReclassifyIncident(id, new Classification.ItService(1, 1), "worse",
                    "zhang.min", null)),
            Map.entry("add-note", id -> new AddWorkNote(id, "zhang.min", "looked at it", null)),
            Map.entry("link", id -> new LinkRecord(id, LinkType.PROBLEM, "PRB0042", "zhang.min", null)));

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    SearchProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebTestClient web;

    @Test
    void random_histories_leave_the_aggregate_the_view_and_the_search_row_agreeing() {
        Random random = new Random(SEED);
        for (int n = 0; n < INCIDENTS; n++) {
            UUID id = UUID.randomUUID();
            commands.sendAndWait(new ReportIncident(id, "fold " + id, "agreement", new Classification.ItService(
                    1 + random.nextInt(3), 1 + random.nextInt(3)), "li.wei", "http"));
            int steps = random.nextInt(MAX_STEPS + 1);
            for (int step = 0; step < steps; step++) {
                IncidentFacts facts = fold(id);
                if (random.nextInt(4) == 0) {
                    projection.forget(id);
                }
                int choice = random.nextInt(10);
                if (choice == 0) {
                    commands.sendAndWait(new RecordAlertRepeats(id, 1 + random.nextInt(5), Instant.now(), 0, step));
                } else if (choice == 1) {
                    commands.sendAndWait(new EscalateToLine(id, facts.escalationLevel() + 1, "unacknowledged",
                            SupportLine.values()[random.nextInt(SupportLine.values().length)], "duty-managers"));
                } else {
                    List<String> allowed = facts.state().allowedCommands();
                    if (allowed.isEmpty()) {
                        break;
                    }
                    commands.sendAndWait(COMMANDS.get(allowed.get(random.nextInt(allowed.size()))).apply(id));
                }
            }
            assertAgreement(id, fold(id), random);
        }
    }

    private void assertAgreement(UUID id, IncidentFacts facts, Random random) {
        Map<String, Object> view = web.get().uri("/incidents/" + id)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(view).containsEntry("state", facts.state().name())
                .containsEntry("allowedCommands", facts.state().allowedCommands())
                .containsEntry("reopenCount", facts.reopenCount())
                .containsEntry("priority", facts.priority().name())
                .containsEntry("supportLine", facts.supportLine().wireName())
                .containsEntry("assignmentGroup", facts.assignmentGroup());
        assertThat(((Number) view.get("occurrences")).longValue()).isEqualTo(facts.occurrences());

        Map<String, Object> row = jdbc.queryForMap("select * from incident_summary where incident_id = ?", id);
        assertThat(row.get("state")).as("search state of %s", id).isEqualTo(view.get("state"));
        assertThat(row.get("priority")).isEqualTo(view.get("priority"));
        assertThat(row.get("category")).isEqualTo(view.get("category"));
        assertThat(row.get("support_line")).isEqualTo(view.get("supportLine"));
        assertThat(row.get("assignment_group")).isEqualTo(view.get("assignmentGroup"));
        assertThat(row.get("assignee")).isEqualTo(view.get("assignee"));
        assertThat(instant(row.get("resolved_at"))).isEqualTo(instant(view.get("resolvedAt")));
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(((Number) view.get("version")).longValue());

        List<String> refused = new ArrayList<>(COMMANDS.keySet());
        refused.removeAll(facts.state().allowedCommands());
        if (!refused.isEmpty()) {
            String command = refused.get(random.nextInt(refused.size()));
            assertThatThrownBy(() -> commands.sendAndWait(COMMANDS.get(command).apply(id)))
                    .as("%s in %s", command, facts.state()).isInstanceOf(TransitionNotAllowed.class);
        }
    }

    /** The reference: the incident's stored events folded afresh. */
    private IncidentFacts fold(UUID id) {
        IncidentFacts facts = new IncidentFacts();
        eventStore.readEvents(id.toString(), 0).asStream()
                .forEach(message -> facts.apply((IncidentEvent) message.getPayload()));
        return facts;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Timestamp t -> t.toInstant().truncatedTo(ChronoUnit.MILLIS);
            case java.time.OffsetDateTime t -> t.toInstant().truncatedTo(ChronoUnit.MILLIS);
            default -> Instant.parse(value.toString()).truncatedTo(ChronoUnit.MILLIS);
        };
    }
}
