package dev.incidentloop.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns the data of an earlier version of an event into the current version, so that readers of the contract
 * still accept what was published before a change. One entry per (type, older version), each a step to the next.
 */
public final class WireUpcasters {

    private record Step(EventType type, int from) {
    }

    private static final Map<Step, UnaryOperator<ObjectNode>> STEPS = Map.of(
            // IncidentReported v1 -> v2: the reporting system's alert added; none was kept before.
            new Step(EventType.INCIDENT_REPORTED, 1), data -> {
                data.putNull("alert");
                return data;
            },
            // IncidentResolved v1 -> v2: notes renamed to resolutionNotes; line of support and fix type added,
            // unknown for what was resolved before they were recorded.
            new Step(EventType.INCIDENT_RESOLVED, 1), data -> {
                data.set("resolutionNotes", data.remove("notes"));
                data.putNull("supportLine");
                data.putNull("fixType");
                return data;
            },
            // IncidentEscalated v1 -> v2: kind, recipients and repeat added; the first release escalated only
            // functionally, named nobody and did not repeat.
            new Step(EventType.INCIDENT_ESCALATED, 1), data -> {
                data.put("kind", EscalationKind.FUNCTIONAL.wireName());
                data.putArray("recipients");
                data.put("repeat", 0);
                return data;
            },
            // IncidentClassified and IncidentReclassified v1 -> v2: an EHS recordable event's classification gives
            // when it happened; events before said nothing (their deadlines counted from the report).
            new Step(EventType.INCIDENT_CLASSIFIED, 1), WireUpcasters::ehsHappenedAtUnknown,
            new Step(EventType.INCIDENT_RECLASSIFIED, 1), WireUpcasters::ehsHappenedAtUnknown,
            // IncidentEscalated v2 -> v3: the line of support a level pages and its group added; escalations before
            // named none (the incident moved one line up whatever the level paged).
            new Step(EventType.INCIDENT_ESCALATED, 2), data -> {
                data.putNull("supportLine");
                data.putNull("assignmentGroup");
                return data;
            },
            // ResolutionConfirmed and ResolutionRejected v1 -> v2: a responder may answer for the reporter, named in
            // onBehalfOf; before, only reporters answered, for themselves.
            new Step(EventType.RESOLUTION_CONFIRMED, 1), WireUpcasters::answeredByTheReporter,
            new Step(EventType.RESOLUTION_REJECTED, 1), WireUpcasters::answeredByTheReporter);

    private WireUpcasters() {
    }

    private static ObjectNode answeredByTheReporter(ObjectNode data) {
        data.putNull("onBehalfOf");
        return data;
    }

    private static ObjectNode ehsHappenedAtUnknown(ObjectNode data) {
        if (data.get("classification") instanceof ObjectNode c && "ehs-recordable".equals(c.path("kind").asText())) {
            c.putNull("happenedAt");
        }
        return data;
    }

    static boolean canUpcast(EventType type, int from) {
        for (int v = from; v < type.version(); v++) {
            if (!STEPS.containsKey(new Step(type, v))) {
                return false;
            }
        }
        return true;
    }

    /** Whether there is a step from version {@code from} of {@code type} to the next. */
    public static boolean hasStep(EventType type, int from) {
        return STEPS.containsKey(new Step(type, from));
    }

    /** The data of {@code type} at version {@code from}, as version {@code from + 1}. */
    public static ObjectNode step(EventType type, int from, ObjectNode data) {
        return STEPS.get(new Step(type, from)).apply(data);
    }

    /** The data of {@code type} at version {@code from}, as the current version. */
    public static ObjectNode upcast(EventType type, int from, ObjectNode data) {
        ObjectNode current = data;
        for (int v = from; v < type.version(); v++) {
            current = step(type, v, current);
        }
        return current;
    }
}
