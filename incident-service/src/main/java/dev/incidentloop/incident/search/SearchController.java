package dev.incidentloop.incident.search;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.incident.lifecycle.IncidentState;
import dev.incidentloop.kit.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /incidents?state=&category=&priority=&group=&assignee=&q=&page=&size=}, newest first. */
@RestController
class SearchController {

    private static final int MAX_SIZE = 100;

    private final IncidentSearch search;

    SearchController(IncidentSearch search) {
        this.search = search;
    }

    @GetMapping("/incidents")
    Mono<IncidentSearch.Page> search(@RequestParam(required = false) IncidentState state,
                                     @RequestParam(required = false) Category category,
                                     @RequestParam(required = false) Priority priority,
                                     @RequestParam(required = false) String group,
                                     @RequestParam(required = false) String assignee,
                                     @RequestParam(name = "q", required = false) String text,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be 1 to " + MAX_SIZE);
        }
        if (text != null && text.length() > 200) {
            throw new InvalidRequestException("q", "must be at most 200 characters");
        }
        var filter = new IncidentSearch.Filter(state, category, priority, group, assignee, text);
        return Mono.fromCallable(() -> search.search(filter, page, size)).subscribeOn(Schedulers.boundedElastic());
    }
}
