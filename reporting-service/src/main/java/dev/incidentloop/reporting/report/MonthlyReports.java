package dev.incidentloop.reporting.report;

import dev.incidentloop.reporting.facts.FactFilter;
import dev.incidentloop.reporting.kpi.KpiFilter;
import dev.incidentloop.reporting.kpi.KpiQueries;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Puts a monthly report together from the KPI queries. */
@Component
class MonthlyReports {

    static final int TREND_MONTHS = 12;
    static final String METHOD = "Holt's linear exponential smoothing over the 12 months shown; alpha and beta each "
            + "from 0.1..0.9, the pair with the least squared one-step-ahead error";

    private final KpiQueries queries;

    MonthlyReports(KpiQueries queries) {
        this.queries = queries;
    }

    MonthlyReport of(YearMonth month, ZoneId zone, FactFilter attributes) {
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var kpis = queries.kpis(new KpiFilter(from, to, attributes));
        List<MonthlyReport.MonthVolume> trend = queries.monthlyVolumes(month.minusMonths(TREND_MONTHS - 1), month,
                zone, attributes).entrySet().stream()
                .map(e -> new MonthlyReport.MonthVolume(e.getKey(), e.getValue())).toList();
        var forecast = HoltForecast.fit(trend.stream().map(MonthlyReport.MonthVolume::incidents).toList());
        return new MonthlyReport(month, zone, kpis, trend, new MonthlyReport.VolumeForecast(month.plusMonths(1),
                Math.round(forecast.value() * 10) / 10.0, METHOD, forecast.alpha(), forecast.beta()));
    }
}
