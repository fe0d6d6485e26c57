package dev.incidentloop.reporting.kpi;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.kit.web.InvalidRequestException;
import dev.incidentloop.reporting.facts.FactFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The KPIs over a period; see {@link Kpis} and docs/reporting-service.md for each figure's definition. */
@RestController
class KpiController {

    private final KpiQueries queries;
    private final ZoneId defaultZone;

    KpiController(KpiQueries queries, ReportingZone zone) {
        this.queries = queries;
        this.defaultZone = zone.zone();
    }

    /**
     * Either a calendar period ({@code period} = day, week or month, containing {@code date}, default today, in
     * {@code zone}) or a custom one ({@code from} inclusive, {@code to} exclusive; default the 30 days before now).
     */
    @GetMapping("/kpi/summary")
    Mono<Kpis> summary(@RequestParam(required = false) Instant from,
                       @RequestParam(required = false) Instant to,
                       @RequestParam(required = false) Period period,
                       @RequestParam(required = false) LocalDate date,
                       @RequestParam(required = false) ZoneId zone,
                       @RequestParam(required = false) Category category,
                       @RequestParam(required = false) Priority priority,
                       @RequestParam(required = false) String team) {
        Instant start;
        Instant end;
        if (period != null) {
            if (from != null || to != null) {
                throw new InvalidRequestException("period", "give either period (with date) or from and to");
            }
            ZoneId in = zone != null ? zone : defaultZone;
            Instant[] bounds = period.bounds(date != null ? date : LocalDate.now(in), in);
            start = bounds[0];
            end = bounds[1];
        } else {
            if (date != null) {
                throw new InvalidRequestException("date", "needs a period (day, week or month)");
            }
            end = to != null ? to : Instant.now();
            start = from != null ? from : end.minus(Duration.ofDays(30));
            if (!start.isBefore(end)) {
                throw new InvalidRequestException("to", "must be after from");
            }
        }
        if (team != null && team.isBlank()) {
            throw new InvalidRequestException("team", "must not be blank");
        }
        var filter = new KpiFilter(start, end, new FactFilter(category, priority, team));
        return Mono.fromCallable(() -> queries.kpis(filter)).subscribeOn(Schedulers.boundedElastic());
    }
}
