package dev.incidentloop.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.reporting.kpi.Kpis;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as a self-contained HTML page: the figures as a table, the trend as a table and as a uPlot chart (from
 * the uPlot WebJar this service serves). The report's JSON is embedded in the page, so the chart needs no second
 * request and no credentials of its own.
 */
final class ReportPage {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private ReportPage() {
    }

    static String of(MonthlyReport report, ObjectMapper json) {
        Kpis k = report.kpis();
        StringBuilder figures = new StringBuilder();
        figure(figures, "total", "Incidents reported", Long.toString(k.total()));
        figure(figures, "canceled", "Canceled (duplicate, not an incident)", Long.toString(k.canceled()));
        figure(figures, "responseRate", "Response rate (responded within target)", ratio(k.responseRate()));
        figure(figures, "resolvedWithinTarget", "Resolved within target", ratio(k.resolvedWithinTarget()));
        figure(figures, "slaCompliance", "SLA compliance (both targets met)", ratio(k.slaCompliance()));
        figure(figures, "firstLineResolution", "First-line resolution", ratio(k.firstLineResolution()));
        figure(figures, "secondLineResolution", "Second-line resolution", ratio(k.secondLineResolution()));
        figure(figures, "vendorResolution", "Resolved by a vendor", ratio(k.vendorResolution()));
        figure(figures, "firstTimeFix", "First-time fix (never reopened)", ratio(k.firstTimeFix()));
        figure(figures, "reopened", "Reopened", ratio(k.reopened()));
        figure(figures, "satisfaction", "Customer satisfaction (1-5)", k.satisfaction().mean() == null ? "–"
                : String.format(Locale.ROOT, "%.2f from %d", k.satisfaction().mean(), k.satisfaction().responses()));
        figure(figures, "timeToAcknowledge", "MTTA: mean / median / p90", durations(k.timeToAcknowledge()));
        figure(figures, "timeToResolve", "MTTR (to resolve): mean / median / p90", durations(k.timeToResolve()));
        figure(figures, "escalated", "Escalated", Long.toString(k.escalated()));
        figure(figures, "backlog", "Backlog at month end (not closed)", Long.toString(k.backlog()));

        StringBuilder trend = new StringBuilder();
        for (MonthlyReport.MonthVolume v : report.trend()) {
            trend.append("<tr><td>").append(v.month()).append("</td><td data-month=\"").append(v.month())
                    .append("\">").append(v.incidents()).append("</td></tr>\n");
        }
        trend.append("<tr class=\"forecast\"><td>").append(report.forecast().month()).append(" (forecast)</td>")
                .append("<td data-month=\"").append(report.forecast().month()).append("\">")
                .append(report.forecast().incidents()).append("</td></tr>\n");

        String filters = (k.category() == null ? "" : " · category " + escape(k.category().wireName()))
                + (k.priority() == null ? "" : " · priority " + k.priority())
                + (k.team() == null ? "" : " · team " + escape(k.team()));
        Map<String, String> values = Map.of(
                "month", report.month().toString(),
                "zone", escape(report.zone().getId()),
                "filters", filters,
                "figures", figures.toString(),
                "trend", trend.toString(),
                "method", escape(report.forecast().method()) + String.format(Locale.ROOT,
                        " (chosen: alpha %.1f, beta %.1f)", report.forecast().alpha(), report.forecast().beta()),
                "data", embedded(report, json));
        // one pass, so that a value containing "{{...}}" is never read as a placeholder
        return PLACEHOLDER.matcher(PAGE).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }

    private static void figure(StringBuilder rows, String key, String label, String value) {
        rows.append("<tr><th scope=\"row\">").append(escape(label)).append("</th><td data-kpi=\"").append(key)
                .append("\">").append(escape(value)).append("</td></tr>\n");
    }

    private static String ratio(Kpis.Ratio ratio) {
        return ratio.percent() == null ? "– (0 of 0)"
                : String.format(Locale.ROOT, "%.2f %% (%d of %d)", ratio.percent(), ratio.count(), ratio.of());
    }

    private static String durations(Kpis.Durations d) {
        return d.count() == 0 ? "–" : hours(d.meanSeconds()) + " / " + hours(d.medianSeconds()) + " / "
                + hours(d.p90Seconds());
    }

    /** 42s, 7m 05s, 3h 20m. */
    static String hours(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        long minutes = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** JSON inside a script element: "</" must not end it early. */
    private static String embedded(MonthlyReport report, ObjectMapper json) {
        try {
            return json.writeValueAsString(report).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Service report {{month}}</title>
            <link rel="stylesheet" href="/webjars/uplot/1.6.30/dist/uPlot.min.css">
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
              table { border-collapse: collapse; margin-bottom: 1.5rem; }
              th, td { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: left; }
              td[data-kpi], td[data-month] { text-align: right; font-variant-numeric: tabular-nums; }
              tr.forecast td { font-style: italic; color: #666; }
              .note { color: #555; font-size: .9rem; }
            </style>
            </head>
            <body data-chart="pending">
            <h1>Service report {{month}} <small>服务报告</small></h1>
            <p class="note">Incidents reported in {{month}}, time zone {{zone}}{{filters}}.</p>
            <h2>Figures</h2>
            <table id="figures">
            {{figures}}</table>
            <h2>Incident volume, last 12 months, and next month's forecast</h2>
            <div id="trend-chart"></div>
            <p class="note">Forecast: {{method}}.</p>
            <table id="trend">
            <tr><th>Month</th><th>Incidents</th></tr>
            {{trend}}</table>
            <script id="report-data" type="application/json">{{data}}</script>
            <script src="/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"></script>
            <script>
              (function () {
                const report = JSON.parse(document.getElementById('report-data').textContent);
                const months = report.trend.map(t => t.month).concat([report.forecast.month]);
                const x = months.map((m, i) => i);
                const actual = report.trend.map(t => t.incidents).concat([null]);
                const forecast = report.trend.map((t, i) => i === report.trend.length - 1 ? t.incidents : null)
                    .concat([report.forecast.incidents]);
                const opts = {
                  width: Math.min(900, window.innerWidth - 64), height: 320,
                  scales: { x: { time: false } },
                  axes: [{ values: (u, ticks) => ticks.map(i => months[i] || '') }, {}],
                  series: [{ label: 'month', value: (u, i) => months[i] || '' },
                           { label: 'incidents', stroke: '#1f77b4', width: 2, points: { show: true } },
                           { label: 'forecast', stroke: '#ff7f0e', width: 2, dash: [6, 4],
                             points: { show: true } }]
                };
                window.trendChart = new uPlot(opts, [x, actual, forecast], document.getElementById('trend-chart'));
                document.body.dataset.chart = 'ready';
              })();
            </script>
            </body>
            </html>
            """;
}
