package dev.incidentloop.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report as one CSV table with the columns {@code section,name,value}: every KPI (nested figures as dotted
 * names, e.g. {@code responseRate.percent}), then one {@code trend} row per month, then the {@code forecast} row.
 * Empty values are figures without data (a rate of nothing).
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(MonthlyReport report, ObjectMapper json) {
        StringBuilder csv = new StringBuilder("section,name,value\r\n");
        flatten("kpi", "", json.valueToTree(report.kpis()), csv);
        for (MonthlyReport.MonthVolume volume : report.trend()) {
            row(csv, "trend", volume.month().toString(), Long.toString(volume.incidents()));
        }
        row(csv, "forecast", report.forecast().month().toString(), Double.toString(report.forecast().incidents()));
        return csv.toString();
    }

    private static void flatten(String section, String prefix, JsonNode node, StringBuilder csv) {
        node.fields().forEachRemaining(field -> {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(section, name + ".", value, csv);
            } else {
                row(csv, section, name, value.isNull() ? "" : value.asText());
            }
        });
    }

    private static void row(StringBuilder csv, String section, String name, String value) {
        csv.append(section).append(',').append(quoted(name)).append(',').append(quoted(value)).append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
