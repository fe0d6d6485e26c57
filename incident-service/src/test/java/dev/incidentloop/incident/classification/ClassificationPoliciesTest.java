package dev.incidentloop.incident.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EmergencyKind;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ClassificationPoliciesTest {

    /** DOMAIN.md section 4, rule "Grade": thresholds, "N以上" includes N and "N以下" excludes N. */
    @Nested
    class HseGrades {

        @ParameterizedTest(name = "{0} deaths -> {1}")
        @CsvSource({"0,MINOR", "1,ORDINARY", "2,ORDINARY", "3,MAJOR", "9,MAJOR", "10,SERIOUS", "29,SERIOUS",
                "30,EXTRAORDINARILY_SERIOUS", "31,EXTRAORDINARILY_SERIOUS"})
        void deaths_give_the_grade_at_each_boundary(int deaths, HseGrade grade) {
            assertThat(HseGradePolicy.grade(deaths, 0, 0)).isEqualTo(grade);
        }

        @ParameterizedTest(name = "{0} serious injuries -> {1}")
        @CsvSource({"0,MINOR", "1,ORDINARY", "9,ORDINARY", "10,MAJOR", "49,MAJOR", "50,SERIOUS", "99,SERIOUS",
                "100,EXTRAORDINARILY_SERIOUS"})
        void serious_injuries_give_the_grade_at_each_boundary(int injuries, HseGrade grade) {
            assertThat(HseGradePolicy.grade(0, injuries, 0)).isEqualTo(grade);
        }

        @ParameterizedTest(name = "{0} CNY -> {1}")
        @CsvSource({"0,MINOR", "499999,MINOR", "500000,ORDINARY", "9999999,ORDINARY", "10000000,MAJOR",
                "49999999,MAJOR", "50000000,SERIOUS", "99999999,SERIOUS", "100000000,EXTRAORDINARILY_SERIOUS"})
        void direct_loss_gives_the_grade_at_each_boundary(long loss, HseGrade grade) {
            assertThat(HseGradePolicy.grade(0, 0, loss)).isEqualTo(grade);
        }

        @Test
        void the_highest_grade_any_criterion_reaches_wins() {
            assertThat(HseGradePolicy.grade(3, 0, 60_000_000)).isEqualTo(HseGrade.SERIOUS);
            assertThat(HseGradePolicy.grade(1, 12, 0)).isEqualTo(HseGrade.MAJOR);
            assertThat(HseGradePolicy.grade(30, 0, 0)).isEqualTo(HseGrade.EXTRAORDINARILY_SERIOUS);
        }

        @Test
        void grades_map_to_priorities_and_a_near_miss_is_lowest() {
            assertThat(HseGradePolicy.priority(HseGrade.MAJOR, false)).isEqualTo(Priority.P1);
            assertThat(HseGradePolicy.priority(HseGrade.ORDINARY, false)).isEqualTo(Priority.P2);
            assertThat(HseGradePolicy.priority(HseGrade.MINOR, false)).isEqualTo(Priority.P3);
            assertThat(HseGradePolicy.priority(HseGrade.MINOR, true)).isEqualTo(Priority.P4);
        }

        @Test
        void negative_counts_are_rejected() {
            assertThatThrownBy(() -> HseGradePolicy.grade(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** DOMAIN.md section 5, rule "Level": below 10,000 CNY level 1; 10,000 to 30,000 level 2; 30,000 up level 3. */
    @Nested
    class EhsLevels {

        @ParameterizedTest(name = "{0} CNY -> level {1}")
        @CsvSource({"0,1", "9999,1", "10000,2", "29999,2", "30000,3", "1000000,3"})
        void the_loss_gives_the_level_at_each_boundary(long loss, int level) {
            assertThat(EhsLevelPolicy.level(loss)).isEqualTo(level);
        }

        @Test
        void level_3_is_the_most_urgent() {
            assertThat(EhsLevelPolicy.priority(3)).isEqualTo(Priority.P2);
            assertThat(EhsLevelPolicy.priority(2)).isEqualTo(Priority.P3);
            assertThat(EhsLevelPolicy.priority(1)).isEqualTo(Priority.P4);
        }
    }

    /** DOMAIN.md section 3: events, incidents, weaknesses; severe (major) incidents. */
    @Nested
    class InformationSecurity {

        @Test
        void an_incident_is_major_when_reported_so_or_of_critical_severity() {
            assertThat(SecurityPolicy.major(SecurityKind.INCIDENT, 1, false)).isTrue();
            assertThat(SecurityPolicy.major(SecurityKind.INCIDENT, 3, true)).isTrue();
            assertThat(SecurityPolicy.major(SecurityKind.INCIDENT, 2, false)).isFalse();
            assertThat(SecurityPolicy.major(SecurityKind.EVENT, 1, true)).isFalse();
        }

        @ParameterizedTest(name = "{0} severity {1} major {2} -> {3}")
        @CsvSource({"INCIDENT,1,true,P1", "INCIDENT,2,false,P2", "INCIDENT,3,false,P3", "INCIDENT,4,false,P4",
                "EVENT,2,false,P4", "WEAKNESS,2,false,P5"})
        void kind_severity_and_major_give_the_priority(SecurityKind kind, int severity, boolean major,
                                                       Priority priority) {
            assertThat(SecurityPolicy.priority(kind, severity, major)).isEqualTo(priority);
        }

        @Test
        void a_severity_outside_1_to_4_is_rejected() {
            assertThatThrownBy(() -> SecurityPolicy.priority(SecurityKind.EVENT, 5, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** DOMAIN.md section 6: every emergency category yields a priority. */
    @ParameterizedTest
    @EnumSource(EmergencyKind.class)
    void every_emergency_kind_is_p1_or_p2(EmergencyKind kind) {
        assertThat(EmergencyPolicy.priority(kind)).isIn(Priority.P1, Priority.P2);
        assertThat(EmergencyPolicy.priority(EmergencyKind.NATURAL_DISASTER)).isEqualTo(Priority.P1);
        assertThat(EmergencyPolicy.priority(EmergencyKind.SUPPLY_CHAIN)).isEqualTo(Priority.P2);
    }

    @Nested
    class ClassifierAndInput {

        @Test
        void the_classifier_fills_in_what_each_policy_derives() {
            var security = Classifier.classify(new Classification.InformationSecurity(SecurityKind.INCIDENT, 1, false,
                    Instant.parse("2026-03-02T07:00:00Z"), "DC-2", "IT", "ransomware note", 200_000L, "phishing", true));
            assertThat(((Classification.InformationSecurity) security.classification()).major()).isTrue();
            assertThat(security.priority()).isEqualTo(Priority.P1);

            var ehs = Classifier.classify(new Classification.EhsRecordable(30_000, false, 0));
            assertThat(ehs.classification()).isEqualTo(new Classification.EhsRecordable(30_000, false, 3));
            assertThat(ehs.priority()).isEqualTo(Priority.P2);
        }

        @Test
        void every_category_but_it_service_needs_a_classification() {
            assertThatThrownBy(() -> ClassificationInput.resolve(Category.HSE_ACCIDENT, null, null, null, null))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("classification", "is required for category hse-accident")));
        }

        @Test
        void the_classification_must_be_of_the_reported_category_and_its_fields_in_range() {
            assertThatThrownBy(() -> ClassificationInput.resolve(Category.EMERGENCY, null, null,
                    new Classification.EhsRecordable(10, true, 0), null))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).contains("classification.kind"));
            assertThatThrownBy(() -> ClassificationInput.resolve(Category.HSE_ACCIDENT, null, null,
                    new Classification.HseAccident(null, -1, 0, -5, null), null))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("classification.accidentType",
                                    "classification.deaths", "classification.directLossCny"));
        }

        /** DOMAIN.md sections 3 and 5: deadlines count from detection and occurrence, never later than the report. */
        @Test
        void detection_and_occurrence_may_be_given_and_never_later_than_the_report() {
            Instant reported = Instant.parse("2026-12-07T02:00:00Z");
            var happened = new Classification.EhsRecordable(12_000, true, 0, reported.minusSeconds(86_400));

            assertThat(Classifier.classify(ClassificationInput.resolve(Category.EHS_RECORDABLE, null, null, happened,
                    reported)).classification()).isEqualTo(new Classification.EhsRecordable(12_000, true, 2,
                    reported.minusSeconds(86_400)));
            assertThatThrownBy(() -> ClassificationInput.resolve(Category.EHS_RECORDABLE, null, null,
                    new Classification.EhsRecordable(12_000, true, 0, reported.plusSeconds(60)), reported))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("classification.happenedAt"));
            assertThatThrownBy(() -> ClassificationInput.resolve(Category.INFORMATION_SECURITY, null, null,
                    new Classification.InformationSecurity(SecurityKind.INCIDENT, 3, false, reported.plusSeconds(1),
                            null, null, null, null, null, false), reported))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("classification.detectedAt"));
        }

        @Test
        void an_it_service_report_may_give_impact_and_urgency_directly() {
            assertThat(ClassificationInput.resolve(Category.IT_SERVICE, 2, 3, null, null))
                    .isEqualTo(new Classification.ItService(2, 3));
            assertThat(Classifier.classify(new Classification.HseAccident(HseType.NEAR_MISS, 0, 0, 0, null))
                    .priority()).isEqualTo(Priority.P4);
        }
    }
}
