package dev.incidentloop.escalation.admin;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.store.Documents;
import dev.incidentloop.escalation.oncall.Schedule;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.Category;
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calendars, escalation policies and on-call schedules, for admins: list, read, create or replace (validated; every
 * fault named by its field), delete. A policy is named after the category it governs, or {@code default}; a calendar
 * a policy names cannot be deleted.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

    private final Documents documents;
    private final Policies policies;

    AdminController(Documents documents, Policies policies) {
        this.documents = documents;
        this.policies = policies;
    }

    @GetMapping("/calendars")
    Mono<List<String>> calendars() {
        return blocking(() -> documents.names(Documents.Kind.CALENDAR));
    }

    @GetMapping("/calendars/{name}")
    Mono<ResponseEntity<Calendar>> calendar(@PathVariable String name) {
        return find(Documents.Kind.CALENDAR, name, Calendar.class);
    }

    @PutMapping("/calendars/{name}")
    Mono<ResponseEntity<Calendar>> putCalendar(@PathVariable String name, @RequestBody Calendar calendar,
                                               Principal admin) {
        List<FieldError> problems = name(name);
        if (name.equals(Policies.ALWAYS)) {
            problems.add(new FieldError("name", "'" + Policies.ALWAYS + "' is built in"));
        }
        problems.addAll(calendar.problems(""));
        return put(Documents.Kind.CALENDAR, name, calendar, problems, admin);
    }

    @DeleteMapping("/calendars/{name}")
    Mono<ResponseEntity<Object>> deleteCalendar(@PathVariable String name) {
        return blocking(() -> {
            List<String> users = new ArrayList<>();
            for (String policy : documents.names(Documents.Kind.POLICY)) {
                documents.find(Documents.Kind.POLICY, policy, EscalationPolicy.class)
                        .filter(p -> name.equals(p.calendar())).ifPresent(p -> users.add(policy));
            }
            if (!users.isEmpty()) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "calendar '" + name + "' is used by the policies " + users);
                problem.setTitle("Calendar in use");
                return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            return deleted(documents.delete(Documents.Kind.CALENDAR, name));
        });
    }

    @GetMapping("/policies")
    Mono<List<String>> policies() {
        return blocking(() -> documents.names(Documents.Kind.POLICY));
    }

    @GetMapping("/policies/{name}")
    Mono<ResponseEntity<EscalationPolicy>> policy(@PathVariable String name) {
        return find(Documents.Kind.POLICY, name, EscalationPolicy.class);
    }

    @PutMapping("/policies/{name}")
    Mono<ResponseEntity<EscalationPolicy>> putPolicy(@PathVariable String name, @RequestBody EscalationPolicy policy,
                                                     Principal admin) {
        List<FieldError> problems = new ArrayList<>();
        boolean category = Arrays.stream(Category.values()).anyMatch(c -> c.wireName().equals(name));
        if (!category && !name.equals(Policies.DEFAULT)) {
            problems.add(new FieldError("name", "must be 'default' or a category: " + Arrays.stream(Category.values())
                    .map(Category::wireName).toList()));
        }
        problems.addAll(policy.problems());
        return blocking(() -> {
            if (!policies.calendarExists(policy.calendar())) {
                problems.add(new FieldError("calendar", "no calendar named '" + policy.calendar() + "'"));
            }
            return problems;
        }).flatMap(p -> put(Documents.Kind.POLICY, name, policy, p, admin));
    }

    @DeleteMapping("/policies/{name}")
    Mono<ResponseEntity<Object>> deletePolicy(@PathVariable String name) {
        return blocking(() -> deleted(documents.delete(Documents.Kind.POLICY, name)));
    }

    @GetMapping("/schedules")
    Mono<List<String>> schedules() {
        return blocking(() -> documents.names(Documents.Kind.SCHEDULE));
    }

    @GetMapping("/schedules/{name}")
    Mono<ResponseEntity<Schedule>> schedule(@PathVariable String name) {
        return find(Documents.Kind.SCHEDULE, name, Schedule.class);
    }

    @PutMapping("/schedules/{name}")
    Mono<ResponseEntity<Schedule>> putSchedule(@PathVariable String name, @RequestBody Schedule schedule,
                                               Principal admin) {
        List<FieldError> problems = name(name);
        problems.addAll(schedule.problems());
        return put(Documents.Kind.SCHEDULE, name, schedule, problems, admin);
    }

    @DeleteMapping("/schedules/{name}")
    Mono<ResponseEntity<Object>> deleteSchedule(@PathVariable String name) {
        return blocking(() -> deleted(documents.delete(Documents.Kind.SCHEDULE, name)));
    }

    private static List<FieldError> name(String name) {
        List<FieldError> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add(new FieldError("name", "must be 1-80 of a-z, 0-9, '.', '_', '-', starting with a letter "
                    + "or digit"));
        }
        return problems;
    }

    private <T> Mono<ResponseEntity<T>> put(Documents.Kind kind, String name, T document, List<FieldError> problems,
                                            Principal admin) {
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return blocking(() -> documents.put(kind, name, document, admin.getName())
                ? ResponseEntity.status(HttpStatus.CREATED).body(document) : ResponseEntity.ok(document));
    }

    private <T> Mono<ResponseEntity<T>> find(Documents.Kind kind, String name, Class<T> type) {
        return blocking(() -> documents.find(kind, name, type).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    private static ResponseEntity<Object> deleted(boolean found) {
        return found ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
