package dev.incidentloop.incident.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md section 2, rule "Priority": the 3x3 impact x urgency matrix, every cell. */
class ItPriorityMatrixTest {

    @ParameterizedTest(name = "impact {0}, urgency {1} -> {2}")
    @CsvSource({
            "1,1,P1", "1,2,P2", "2,1,P2",
            "1,3,P3", "2,2,P3", "3,1,P3",
            "2,3,P4", "3,2,P4",
            "3,3,P5"})
    void impact_and_urgency_give_the_priority_of_the_itil_matrix(int impact, int urgency, Priority expected) {
        assertThat(ItPriorityMatrix.priorityOf(impact, urgency)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,1", "4,1", "1,0", "1,4"})
    void levels_outside_1_to_3_are_rejected(int impact, int urgency) {
        assertThatThrownBy(() -> ItPriorityMatrix.priorityOf(impact, urgency))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
