package dev.incidentloop.gateway.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.integration.TestIntegrations;
import org.junit.jupiter.api.Test;

class PagerDutyEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_trigger_needs_a_payload_with_summary_source_and_severity() throws Exception {
        assertThat(PagerDutyEvents.check(MAPPER.readTree("""
                {"routing_key": "k", "event_action": "trigger", "payload": {"summary": " "}}""")))
                .containsExactly("'payload.summary' is missing or blank", "'payload.source' is missing or blank",
                        "'payload.severity' is missing or blank");
    }

    @Test
    void a_summary_longer_than_a_title_is_cut_for_the_title_and_kept_whole_as_the_description() throws Exception {
        String summary = "s".repeat(300);
        IntakeReport report = PagerDutyEvents.translate(MAPPER.readTree("""
                {"routing_key": "k", "event_action": "trigger", "dedup_key": "d",
                 "payload": {"summary": "%s", "source": "h", "severity": "warning"}}""".formatted(summary)),
                TestIntegrations.integration("i", "pd", "k", null));

        assertThat(report.title()).hasSize(200).endsWith("\u2026");
        assertThat(report.description()).isEqualTo(summary);
    }

    @Test
    void timestamps_are_iso_8601_with_or_without_the_colon_in_the_offset() throws Exception {
        for (String timestamp : new String[] {"2015-07-17T08:42:58.315+0000", "2015-07-17T08:42:58Z",
                "2015-07-17T08:42:58+08:00"}) {
            assertThat(PagerDutyEvents.check(MAPPER.readTree("""
                    {"routing_key": "k", "event_action": "trigger",
                     "payload": {"summary": "s", "source": "h", "severity": "info", "timestamp": "%s"}}"""
                    .formatted(timestamp)))).as(timestamp).isEmpty();
        }
        assertThat(PagerDutyEvents.check(MAPPER.readTree("""
                {"routing_key": "k", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "info", "timestamp": "yesterday"}}""")))
                .containsExactly("'payload.timestamp' must be an ISO 8601 date and time with an offset");
    }
}
