package dev.incidentloop.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.ReportedAlert;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.LinkType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentAggregateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    private static final UUID ID = UUID.fromString("0b6e8c1a-2d3f-4a5b-9c8d-7e6f5a4b3c2d");
    private static final Classification IT_1_2 = new Classification.ItService(1, 2);

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---- the lifecycle, every command in every state ----

    /** The lifecycle as the issue states it, written out by hand rather than read from IncidentState. */
    private static final Map<IncidentState, Set<String>> ALLOWED = new EnumMap<>(Map.of(
            IncidentState.NEW, Set.of("acknowledge", "assign", "resolve", "cancel", "reclassify", "add-note", "link"),
            IncidentState.IN_PROGRESS, Set.of("assign", "put-on-hold", "resolve", "cancel", "reclassify", "add-note",
                    "link"),
            IncidentState.ON_HOLD, Set.of("resume", "assign", "resolve", "cancel", "reclassify", "add-note", "link"),
            IncidentState.RESOLVED, Set.of("confirm", "reject", "reopen", "close", "add-note", "link"),
            IncidentState.CLOSED, Set.of(),
            IncidentState.CANCELED, Set.of()));

    private static final Map<String, Supplier<Object>> COMMANDS = Map.ofEntries(
            Map.entry("acknowledge", () -> new AcknowledgeIncident(ID, "zhang.min", null)),
            Map.entry("assign", () -> new AssignIncident(ID, "network", "wang.fang", SupportLine.SECOND, null,
                    "zhang.min", null)),
            Map.entry("put-on-hold", () -> new PutOnHold(ID, HoldReason.AWAITING_VENDOR, "zhang.min", null)),
            Map.entry("resume", () -> new ResumeIncident(ID, "zhang.min", null)),
            Map.entry("resolve", () -> new ResolveIncident(ID, "zhang.min", "fixed", null, SupportLine.FIRST,
                    FixType.PERMANENT, null)),
            Map.entry("confirm", () -> new ConfirmResolution(ID, 4, null, "li.wei", false, null)),
            Map.entry("reject", () -> new RejectResolution(ID, "still broken", "li.wei", false, null)),
            Map.entry("reopen", () -> new ReopenIncident(ID, "came back", "zhang.min", null)),
            Map.entry("close", () -> new CloseIncident(ID, "zhang.min", null)),
            Map.entry("cancel", () -> new CancelIncident(ID, CancelReason.NOT_AN_INCIDENT, null, "zhang.min", null)),
            Map.entry("reclassify", () -> new ReclassifyIncident(ID, new Classification.ItService(1, 1), "worse",
                    "zhang.min", null)),
            Map.entry("add-note", () -> new AddWorkNote(ID, "zhang.min", "looked at it", null)),
            Map.entry("link", () -> new LinkRecord(ID, LinkType.PROBLEM, "PRB0042", "zhang.min", null)));

    private static List<Object> historyUpTo(IncidentState state) {
        List<Object> events = new ArrayList<>(List.of(reported(), classified()));
        switch (state) {
            case NEW -> { }
            case IN_PROGRESS -> events.add(acknowledged());
            case ON_HOLD -> {
                events.add(acknowledged());
                events.add(new IncidentPutOnHold(ID, HoldReason.AWAITING_REPORTER, "zhang.min", NOW));
            }
            case RESOLVED -> events.add(resolved());
            case CLOSED -> {
                events.add(resolved());
                events.add(new IncidentClosed(ID, "li.wei", NOW));
            }
            case CANCELED -> events.add(new IncidentCanceled(ID, CancelReason.DUPLICATE, UUID.randomUUID(),
                    "zhang.min", NOW));
        }
        return events;
    }

    static Stream<Arguments> everyCommandInEveryState() {
        return Stream.of(IncidentState.values()).flatMap(state -> COMMANDS.keySet().stream().sorted()
                .map(command -> Arguments.of(state, command, ALLOWED.get(state).contains(command))));
    }

    @ParameterizedTest(name = "{1} when {0}: allowed {2}")
    @MethodSource("everyCommandInEveryState")
    void each_state_allows_exactly_its_commands(IncidentState state, String command, boolean allowed) {
        var result = fixture.given(historyUpTo(state)).when(COMMANDS.get(command).get());
        if (allowed) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(TransitionNotAllowed.class).expectNoEvents();
        }
    }

    @Test
    void the_states_list_the_commands_they_allow() {
        for (IncidentState state : IncidentState.values()) {
            assertThat(state.allowedCommands()).as(state.name()).containsExactlyInAnyOrderElementsOf(ALLOWED.get(state));
        }
    }

    // ---- what each transition records ----

    @Test
    void reporting_records_the_report_and_classifies_it_by_the_category_policy() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Mail down", "since 08:00", IT_1_2, "li.wei", "http"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(), classified());
    }

    @Test
    void a_monitoring_systems_report_keeps_its_alert_and_goes_first_to_its_integrations_team() {
        var alert = new ReportedAlert("error", Map.of("labels", Map.of("alertname", "MailQueue")),
                List.of(new IntakeReport.Link("http://prometheus.example/graph", "generatorURL")));
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Mail down", "since 08:00", IT_1_2, "prometheus", "intake:prometheus",
                        alert, "messaging"))
                .expectEvents(
                        new IncidentReported(ID, "Mail down", "since 08:00", Category.IT_SERVICE, "prometheus",
                                "intake:prometheus", NOW, alert),
                        new IncidentClassified(ID, Category.IT_SERVICE, IT_1_2, Priority.P2, "prometheus", NOW),
                        new IncidentAssigned(ID, "messaging", null, SupportLine.FIRST, 0,
                                "the reporting integration's team", null, "prometheus", NOW));
    }

    @Test
    void an_hse_report_is_graded_by_the_highest_criterion_and_gets_the_grade_priority() {
        var input = new Classification.HseAccident(HseType.FIRE_EXPLOSION, 0, 3, 600_000, null);
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Fire in store 2", null, input, "safety.officer", "http"))
                .expectEvents(
                        new IncidentReported(ID, "Fire in store 2", null, Category.HSE_ACCIDENT, "safety.officer",
                                "http", NOW),
                        new IncidentClassified(ID, Category.HSE_ACCIDENT, new Classification.HseAccident(
                                HseType.FIRE_EXPLOSION, 0, 3, 600_000, HseGrade.ORDINARY), Priority.P2,
                                "safety.officer", NOW));
    }

    @Test
    void reporting_with_an_impact_outside_1_to_3_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncident(ID, "Mail down", null, new Classification.ItService(4, 2), "li.wei", "http"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void acknowledging_puts_a_new_incident_in_progress() {
        fixture.given(reported(), classified())
                .when(new AcknowledgeIncident(ID, "zhang.min", null))
                .expectEvents(acknowledged());
    }

    @Test
    void an_incident_cannot_be_acknowledged_twice_and_the_error_names_what_is_allowed() {
        fixture.given(reported(), classified(), acknowledged())
                .when(new AcknowledgeIncident(ID, "someone.else", null))
                .expectException(TransitionNotAllowed.class)
                .expectExceptionMessage("Cannot acknowledge an incident that is IN_PROGRESS; allowed: "
                        + IncidentState.IN_PROGRESS.allowedCommands())
                .expectNoEvents();
    }

    @Test
    void every_reassignment_is_counted() {
        fixture.given(reported(), classified(), new IncidentAssigned(ID, "service-desk", "zhang.min",
                        SupportLine.FIRST, 0, null, null, "li.wei", NOW))
                .when(new AssignIncident(ID, "network", null, SupportLine.SECOND, "needs a specialist", "zhang.min",
                        null))
                .expectEvents(new IncidentAssigned(ID, "network", null, SupportLine.SECOND, 1, "needs a specialist",
                        null, "zhang.min", NOW));
    }

    @Test
    void hold_and_resume_keep_the_reason() {
        fixture.given(reported(), classified(), acknowledged())
                .when(new PutOnHold(ID, HoldReason.AWAITING_VENDOR, "zhang.min", null))
                .expectEvents(new IncidentPutOnHold(ID, HoldReason.AWAITING_VENDOR, "zhang.min", NOW));
        fixture.given(reported(), classified(), acknowledged(),
                        new IncidentPutOnHold(ID, HoldReason.AWAITING_VENDOR, "zhang.min", NOW))
                .when(new ResumeIncident(ID, "zhang.min", null))
                .expectEvents(new IncidentResumed(ID, "zhang.min", NOW));
    }

    @Test
    void resolving_records_code_notes_line_and_kind_of_fix() {
        fixture.given(reported(), classified(), acknowledged())
                .when(new ResolveIncident(ID, "zhang.min", "config-fix", "restarted relay", SupportLine.SECOND,
                        FixType.WORKAROUND, null))
                .expectEvents(new IncidentResolved(ID, "zhang.min", "config-fix", "restarted relay",
                        SupportLine.SECOND, FixType.WORKAROUND, NOW));
    }

    @Test
    void the_reporter_accepting_the_resolution_closes_the_incident_with_the_satisfaction() {
        fixture.given(reported(), classified(), resolved())
                .when(new ConfirmResolution(ID, 5, "fast", "li.wei", false, null))
                .expectEvents(new ResolutionConfirmed(ID, 5, "fast", "li.wei", null, NOW),
                        new IncidentClosed(ID, "li.wei", NOW));
    }

    @Test
    void a_responder_confirms_for_the_reporter_and_the_event_says_for_whom() {
        fixture.given(reported(), classified(), resolved())
                .when(new ConfirmResolution(ID, 4, "called back", "zhang.min", true, null))
                .expectEvents(new ResolutionConfirmed(ID, 4, "called back", "zhang.min", "li.wei", NOW),
                        new IncidentClosed(ID, "zhang.min", NOW));
    }

    @Test
    void another_reporter_may_neither_confirm_nor_reject_the_resolution() {
        fixture.given(reported(), classified(), resolved())
                .when(new ConfirmResolution(ID, 5, null, "wang.fang", false, null))
                .expectException(NotTheReporter.class)
                .expectExceptionMessage("Only the reporter (li.wei) or a responder for them may confirm the resolution")
                .expectNoEvents();
        fixture.given(reported(), classified(), resolved())
                .when(new RejectResolution(ID, "not fixed", "wang.fang", false, null))
                .expectException(NotTheReporter.class)
                .expectNoEvents();
    }

    @Test
    void a_satisfaction_outside_1_to_5_is_rejected() {
        fixture.given(reported(), classified(), resolved())
                .when(new ConfirmResolution(ID, 6, null, "li.wei", false, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void the_reporter_rejecting_the_resolution_reopens_the_incident_and_counts_it() {
        fixture.given(reported(), classified(), resolved(), new IncidentReopened(ID, "first time", 1, "li.wei", NOW),
                        resolved())
                .when(new RejectResolution(ID, "still broken", "li.wei", false, null))
                .expectEvents(new ResolutionRejected(ID, "still broken", "li.wei", null, NOW),
                        new IncidentReopened(ID, "still broken", 2, "li.wei", NOW));
    }

    @Test
    void canceling_as_a_duplicate_names_the_original() {
        UUID original = UUID.randomUUID();
        fixture.given(reported(), classified())
                .when(new CancelIncident(ID, CancelReason.DUPLICATE, original, "zhang.min", null))
                .expectEvents(new IncidentCanceled(ID, CancelReason.DUPLICATE, original, "zhang.min", NOW));
    }

    @Test
    void reclassifying_keeps_the_previous_priority_and_the_reason() {
        fixture.given(reported(), classified())
                .when(new ReclassifyIncident(ID, new Classification.ItService(1, 1), "whole site down", "zhang.min",
                        null))
                .expectEvents(new IncidentReclassified(ID, Category.IT_SERVICE, new Classification.ItService(1, 1),
                        Priority.P1, Priority.P2, "whole site down", "zhang.min", NOW));
    }

    @Test
    void notes_and_links_are_appended() {
        fixture.given(reported(), classified(), acknowledged())
                .when(new AddWorkNote(ID, "zhang.min", "TLS handshake fails since 07:55", null))
                .expectEvents(new WorkNoteAdded(ID, "zhang.min", "TLS handshake fails since 07:55", NOW));
        fixture.given(reported(), classified(), acknowledged())
                .when(new LinkRecord(ID, LinkType.CHANGE, "CHG0815", "zhang.min", null))
                .expectEvents(new IncidentLinked(ID, LinkType.CHANGE, "CHG0815", "zhang.min", NOW));
    }

    /** DOMAIN.md sections 3 and 5: deadlines count from detection and occurrence, which are never after the report. */
    @Test
    void a_reclassification_saying_the_event_happened_after_the_report_is_refused() {
        fixture.given(reported(), classified())
                .when(new ReclassifyIncident(ID, new Classification.EhsRecordable(40_000, true, 0, NOW.plusSeconds(60)),
                        "it was a spill", "zhang.min", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("classification.happenedAt must not be later than the report (" + NOW + ")");
        fixture.given(reported(), classified())
                .when(new ReclassifyIncident(ID, new Classification.EhsRecordable(40_000, true, 0,
                        NOW.minusSeconds(3600)), "it was a spill", "zhang.min", null))
                .expectEvents(new IncidentReclassified(ID, Category.EHS_RECORDABLE, new Classification.EhsRecordable(
                        40_000, true, 3, NOW.minusSeconds(3600)), Priority.P2, Priority.P2, "it was a spill",
                        "zhang.min", NOW));
    }

    // ---- escalation, alert repeats and auto-close ----

    @Test
    void lines_of_support_an_escalation_moves_the_incident_to_the_line_its_level_pages_once() {
        IncidentAssigned toSecondLine = new IncidentAssigned(ID, "network-specialists", null, SupportLine.SECOND, 0,
                "escalated: response-sla", 1, "escalation-service", NOW);
        fixture.given(reported(), classified())
                .when(new EscalateToLine(ID, 1, "response-sla", SupportLine.SECOND, "network-specialists"))
                .expectEvents(toSecondLine);
        fixture.given(reported(), classified(), toSecondLine)
                .when(new EscalateToLine(ID, 1, "response-sla", SupportLine.SECOND, "network-specialists"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(reported(), classified(), toSecondLine)
                .when(new EscalateToLine(ID, 2, "resolution-sla", SupportLine.VENDOR, "router-vendor"))
                .expectEvents(new IncidentAssigned(ID, "router-vendor", null, SupportLine.VENDOR, 1,
                        "escalated: resolution-sla", 2, "escalation-service", NOW));
    }

    @Test
    void lines_of_support_a_level_paging_the_first_line_leaves_the_incident_on_it() {
        fixture.given(reported(), classified())
                .when(new EscalateToLine(ID, 1, "response-sla", SupportLine.FIRST, "service-desk"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_escalation_of_a_resolved_incident_changes_nothing() {
        fixture.given(reported(), classified(), resolved())
                .when(new EscalateToLine(ID, 1, "response-sla", SupportLine.SECOND, "second-line"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void alert_repeats_add_to_the_occurrences() {
        Instant seen = NOW.minusSeconds(1);
        AlertRepeated first = new AlertRepeated(ID, 3, 4, seen, 1, 12, NOW);
        fixture.given(reported(), classified())
                .when(new RecordAlertRepeats(ID, 3, seen, 1, 12))
                .expectEvents(first);
        fixture.given(reported(), classified(), first)
                .when(new RecordAlertRepeats(ID, 1000, seen, 0, 7))
                .expectEvents(new AlertRepeated(ID, 1000, 1004, seen, 0, 7, NOW));
    }

    @Test
    void repeats_counted_while_open_are_recorded_after_the_resolution_too() {
        fixture.given(reported(), classified(), resolved())
                .when(new RecordAlertRepeats(ID, 2, NOW, 0, 5))
                .expectEvents(new AlertRepeated(ID, 2, 3, NOW, 0, 5, NOW));
    }

    @Test
    void auto_close_closes_only_an_incident_still_awaiting_confirmation_of_that_resolution() {
        fixture.given(reported(), classified(), resolved())
                .when(new AutoClose(ID, NOW))
                .expectEvents(new IncidentClosed(ID, Incident.SYSTEM, NOW));
        // an earlier resolution's period: this resolution has its own
        fixture.given(reported(), classified(), resolved())
                .when(new AutoClose(ID, NOW.minusSeconds(60)))
                .expectNoEvents();
        fixture.given(reported(), classified(), resolved(), new ResolutionConfirmed(ID, 4, null, "li.wei", null, NOW),
                        new IncidentClosed(ID, "li.wei", NOW))
                .when(new AutoClose(ID, NOW))
                .expectNoEvents();
    }

    private static IncidentReported reported() {
        return new IncidentReported(ID, "Mail down", "since 08:00", Category.IT_SERVICE, "li.wei", "http", NOW);
    }

    private static IncidentClassified classified() {
        return new IncidentClassified(ID, Category.IT_SERVICE, IT_1_2, Priority.P2, "li.wei", NOW);
    }

    private static IncidentAcknowledged acknowledged() {
        return new IncidentAcknowledged(ID, "zhang.min", NOW);
    }

    private static IncidentResolved resolved() {
        return new IncidentResolved(ID, "zhang.min", "fixed", null, SupportLine.FIRST, FixType.PERMANENT, NOW);
    }
}
