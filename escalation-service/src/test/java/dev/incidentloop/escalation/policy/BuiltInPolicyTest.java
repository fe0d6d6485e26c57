package dev.incidentloop.escalation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.policy.SlaTargets;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SupportLine;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 2, rules "Lines of support" and "Escalation", as the platform ships them: which line each level of
 * the built-in functional chain pages, and who the built-in hierarchical chain tells.
 */
class BuiltInPolicyTest {

    private final SlaTargets targets = new SlaTargets(every(Duration.ofMinutes(30)), every(Duration.ofHours(8)));

    @Test
    void an_it_incident_goes_to_the_second_line_that_its_first_level_pages_then_to_the_vendors() {
        EscalationPolicy it = BuiltInPolicy.of(Category.IT_SERVICE, targets);

        assertThat(it.problems()).isEmpty();
        assertThat(it.functional()).extracting(EscalationPolicy.Level::line)
                .containsExactly(SupportLine.SECOND, SupportLine.VENDOR);
        assertThat(it.groupOf(it.functional().get(0))).isEqualTo("second-line");
        assertThat(it.groupOf(it.functional().get(1))).isEqualTo("vendor-management");
    }

    @Test
    void an_hse_incident_is_never_sent_to_an_it_line() {
        for (Category category : new Category[] {Category.HSE_ACCIDENT, Category.EHS_RECORDABLE,
                Category.INFORMATION_SECURITY, Category.EMERGENCY}) {
            EscalationPolicy policy = BuiltInPolicy.of(category, targets);

            assertThat(policy.problems()).isEmpty();
            assertThat(policy.lineGroups()).as(category.wireName()).isEmpty();
            assertThat(policy.functional()).allSatisfy(level -> assertThat(policy.groupOf(level)).isNull());
        }
    }

    @Test
    void major_incidents_are_taken_to_the_duty_manager_at_once_then_the_general_manager() {
        EscalationPolicy policy = BuiltInPolicy.of(Category.EHS_RECORDABLE, targets);

        assertThat(policy.hierarchical()).extracting(level -> level.recipients().getFirst().role(),
                level -> level.after().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("duty-manager", "0 minutes"),
                org.assertj.core.groups.Tuple.tuple("general-manager", "1 hour"));
    }

    private static Map<Priority, Duration> every(Duration target) {
        Map<Priority, Duration> map = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            map.put(p, target);
        }
        return map;
    }
}
