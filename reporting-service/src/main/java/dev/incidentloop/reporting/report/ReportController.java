package dev.incidentloop.reporting.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.kit.web.InvalidRequestException;
import dev.incidentloop.reporting.facts.FactFilter;
import dev.incidentloop.reporting.kpi.ReportingZone;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The monthly service report as JSON, CSV and an HTML page with a chart. {@code month} (yyyy-MM) defaults to the
 * current month in {@code zone}, which defaults to {@code reporting.zone}.
 */
@RestController
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final MonthlyReports reports;
    private final ObjectMapper json;
    private final ZoneId defaultZone;
    private final Clock clock;

    ReportController(MonthlyReports reports, ObjectMapper json, ReportingZone zone, Clock clock) {
        this.reports = reports;
        this.json = json;
        this.defaultZone = zone.zone();
        this.clock = clock;
    }

    @GetMapping(path = "/reports/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<MonthlyReport> monthly(@RequestParam(required = false) YearMonth month,
                                @RequestParam(required = false) ZoneId zone,
                                @RequestParam(required = false) Category category,
                                @RequestParam(required = false) Priority priority,
                                @RequestParam(required = false) String team) {
        return report(month, zone, category, priority, team);
    }

    @GetMapping(path = "/reports/monthly.csv")
    Mono<ResponseEntity<String>> monthlyCsv(@RequestParam(required = false) YearMonth month,
                                            @RequestParam(required = false) ZoneId zone,
                                            @RequestParam(required = false) Category category,
                                            @RequestParam(required = false) Priority priority,
                                            @RequestParam(required = false) String team) {
        return report(month, zone, category, priority, team).map(r -> ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"service-report-" + r.month() + ".csv\"")
                .body(ReportCsv.of(r, json)));
    }

    @GetMapping(path = "/reports/monthly.html")
    Mono<ResponseEntity<String>> monthlyHtml(@RequestParam(required = false) YearMonth month,
                                             @RequestParam(required = false) ZoneId zone,
                                             @RequestParam(required = false) Category category,
                                             @RequestParam(required = false) Priority priority,
                                             @RequestParam(required = false) String team) {
        return report(month, zone, category, priority, team).map(r -> ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(ReportPage.of(r, json)));
    }

    private Mono<MonthlyReport> report(YearMonth month, ZoneId zone, Category category, Priority priority,
                                       String team) {
        if (team != null && team.isBlank()) {
            throw new InvalidRequestException("team", "must not be blank");
        }
        ZoneId in = zone != null ? zone : defaultZone;
        YearMonth which = month != null ? month : YearMonth.now(clock.withZone(in));
        var attributes = new FactFilter(category, priority, team);
        return Mono.fromCallable(() -> reports.of(which, in, attributes)).subscribeOn(Schedulers.boundedElastic());
    }
}
