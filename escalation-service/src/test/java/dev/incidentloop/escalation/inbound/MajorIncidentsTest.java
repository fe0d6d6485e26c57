package dev.incidentloop.escalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EmergencyKind;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 2, rule "Escalation": which incidents are major, so that management is told at once. */
class MajorIncidentsTest {

    private final EscalationPolicy policy = new EscalationPolicy(null, null, Map.of(), null, null, null, null);

    @Test
    void a_p1_is_major_and_a_p2_it_incident_is_not() {
        assertThat(MajorIncidents.isMajor(Priority.P1, new Classification.ItService(1, 1), policy)).isTrue();
        assertThat(MajorIncidents.isMajor(Priority.P2, new Classification.ItService(1, 2), policy)).isFalse();
    }

    @Test
    void an_ehs_level_3_event_is_major_and_level_2_is_not() {
        assertThat(MajorIncidents.isMajor(Priority.P3, new Classification.EhsRecordable(30_000, true, 3), policy))
                .isTrue();
        assertThat(MajorIncidents.isMajor(Priority.P3, new Classification.EhsRecordable(29_999, true, 2), policy))
                .isFalse();
    }

    @Test
    void every_emergency_kind_is_major() {
        for (EmergencyKind kind : EmergencyKind.values()) {
            assertThat(MajorIncidents.isMajor(Priority.P3, new Classification.Emergency(kind), policy)).as(kind.wireName())
                    .isTrue();
        }
    }

    @Test
    void a_major_security_incident_and_an_hse_accident_graded_major_are_major() {
        assertThat(MajorIncidents.isMajor(Priority.P2, new Classification.InformationSecurity(SecurityKind.INCIDENT, 1,
                true, null, null, null, null, null, null, false), policy)).isTrue();
        assertThat(MajorIncidents.isMajor(Priority.P2, new Classification.HseAccident(HseType.FIRE_EXPLOSION, 3, 0, 0,
                HseGrade.MAJOR), policy)).isTrue();
        assertThat(MajorIncidents.isMajor(Priority.P4, new Classification.HseAccident(HseType.FIRE_EXPLOSION, 1, 0, 0,
                HseGrade.ORDINARY), policy)).isFalse();
    }
}
