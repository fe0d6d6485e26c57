package dev.incidentloop.escalation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SupportLine;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An escalation policy as admins write it, and what is wrong with one. */
class EscalationPolicyTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void a_policy_reads_from_json_with_targets_as_people_write_them() throws Exception {
        EscalationPolicy policy = json.readValue("""
                {"calendar": "cn-business", "warningShare": 0.8,
                 "targets": {"P1": {"response": "15 minutes", "resolution": "4 hours"},
                             "P2": {"response": "30 minutes", "resolution": "8 business-hours"},
                             "P3": {"response": "2 business-hours", "resolution": "1 working-day"},
                             "P4": {"response": "1 working-day", "resolution": "5 working-days"},
                             "P5": {"response": "2 working-days", "resolution": "10 working-days"}},
                 "functional": [{"after": "0 minutes", "recipients": [{"assignedTeam": true}], "repeat": 2,
                                 "every": "10 minutes"},
                                {"after": "30 minutes", "recipients": [{"assignedTeam": true}], "line": "second"},
                                {"after": "2 hours", "recipients": [{"user": "vendor.hotline"}], "line": "vendor"}],
                 "lineGroups": {"first": "service-desk", "second": "network-specialists", "vendor": "router-vendor"},
                 "hierarchical": [{"after": "0 minutes", "recipients": [{"role": "team-lead"}]},
                                  {"after": "30 minutes", "recipients": [{"role": "it-manager"}]},
                                  {"after": "1 hours", "recipients": [{"role": "director"}]}],
                 "majorPriorities": ["P1", "P2"]}""", EscalationPolicy.class);

        assertThat(policy.problems()).isEmpty();
        assertThat(policy.targets().get(Priority.P3).resolution()).isEqualTo(Target.parse("1 working-day"));
        assertThat(policy.functional().get(0).repeat()).isEqualTo(2);
        assertThat(policy.hierarchical()).hasSize(3);
        assertThat(policy.warning()).isEqualTo(0.8);
        assertThat(policy.groupOf(policy.functional().get(0))).as("a level that pages no line").isNull();
        assertThat(policy.groupOf(policy.functional().get(1))).isEqualTo("network-specialists");
        var written = json.readTree(json.writeValueAsString(policy));
        assertThat(written.get("targets").get("P2").get("resolution").asText()).isEqualTo("8 business-hours");
        assertThat(written.get("lineGroups").get("vendor").asText()).isEqualTo("router-vendor");
        assertThat(written.get("functional").get(2).get("line").asText()).isEqualTo("vendor");
    }

    @Test
    void faults_are_named_by_field() {
        var level = new EscalationPolicy.Level(Target.parse("30 minutes"), List.of(
                new EscalationPolicy.Recipient("a", "b", null, null)), 2, null, null);
        var earlier = new EscalationPolicy.Level(Target.parse("10 minutes"), List.of(), 0, null, SupportLine.VENDOR);
        var manager = new EscalationPolicy.Level(Target.parse("0 minutes"), List.of(
                new EscalationPolicy.Recipient(null, null, "it-manager", null)), 0, null, SupportLine.SECOND);
        EscalationPolicy policy = new EscalationPolicy(null, 1.5, null, List.of(level, earlier), List.of(manager),
                null, Map.of(SupportLine.SECOND, " "));

        assertThat(policy.problems()).extracting(e -> e.field()).containsExactly("warningShare", "targets.P1",
                "targets.P2", "targets.P3", "targets.P4", "targets.P5", "functional[0].recipients[0]",
                "functional[0].every", "functional[1].after", "functional[1].recipients", "lineGroups.second",
                "functional[1].line", "hierarchical[0].line");
    }
}
