package dev.incidentloop.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.integration.TestIntegrations;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerWebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void an_alert_without_a_fingerprint_is_told_by_its_labels_whatever_their_order() throws Exception {
        List<IntakeReport> reports = AlertmanagerWebhook.translate(MAPPER.readTree("""
                {"alerts": [{"status": "firing", "labels": {"alertname": "A", "job": "x"}},
                            {"status": "firing", "labels": {"job": "x", "alertname": "A"}},
                            {"status": "firing", "labels": {"job": "y", "alertname": "A"}}]}"""),
                TestIntegrations.integration("i", "prom", "k", null));

        assertThat(reports.get(0).dedupKey()).startsWith("labels-").isEqualTo(reports.get(1).dedupKey());
        assertThat(reports.get(2).dedupKey()).isNotEqualTo(reports.get(0).dedupKey());
    }

    @Test
    void an_unknown_severity_label_classifies_as_warning_and_keeps_the_word() throws Exception {
        JsonNode body = MAPPER.readTree("""
                {"alerts": [{"status": "firing", "fingerprint": "f", "labels": {"alertname": "A", "severity": "page"}}]}""");

        IntakeReport report = AlertmanagerWebhook.translate(body, TestIntegrations.integration("i", "prom", "k", null))
                .getFirst();

        assertThat(report.classification()).isEqualTo(new Classification.ItService(2, 2));
        assertThat(report.severity()).isEqualTo("page");
        assertThat(report.title()).isEqualTo("A");
    }

    @Test
    void a_resolved_alert_is_a_resolve_of_its_fingerprint_with_no_classification() throws Exception {
        JsonNode body = MAPPER.readTree("""
                {"alerts": [{"status": "resolved", "fingerprint": "abc", "labels": {"alertname": "A"}}]}""");

        IntakeReport report = AlertmanagerWebhook.translate(body, TestIntegrations.integration("i", "prom", "k", null))
                .getFirst();

        assertThat(report.effectiveAction()).isEqualTo(IntakeReport.Action.RESOLVE);
        assertThat(report.dedupKey()).isEqualTo("abc");
        assertThat(report.classification()).isNull();
    }

    @Test
    void an_alert_with_neither_fingerprint_nor_labels_is_refused() throws Exception {
        assertThat(AlertmanagerWebhook.check(MAPPER.readTree("{\"alerts\": [{\"status\": \"firing\"}]}")))
                .extracting(e -> e.field()).containsExactly("alerts[0]");
    }
}
