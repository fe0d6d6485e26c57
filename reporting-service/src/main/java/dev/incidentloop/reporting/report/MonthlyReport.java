package dev.incidentloop.reporting.report;

import dev.incidentloop.reporting.kpi.Kpis;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The monthly service report (服务报告) of DOMAIN.md section 2: the month's KPIs, the incident volume of the twelve
 * months up to and including it, and a forecast of the next month's volume.
 */
public record MonthlyReport(YearMonth month, ZoneId zone, Kpis kpis, List<MonthVolume> trend, VolumeForecast forecast) {

    public record MonthVolume(YearMonth month, long incidents) {
    }

    /**
     * @param incidents the forecast volume, rounded to one decimal
     * @param method    how it was computed, in words
     */
    public record VolumeForecast(YearMonth month, double incidents, String method, double alpha, double beta) {
    }
}
