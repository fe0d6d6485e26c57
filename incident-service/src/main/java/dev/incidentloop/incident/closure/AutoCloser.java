package dev.incidentloop.incident.closure;

import dev.incidentloop.incident.lifecycle.AutoClose;
import dev.incidentloop.incident.search.IncidentSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes resolved incidents that nobody confirmed within the configured working days. The search model says which
 * are candidates; the incident itself decides, so one that was confirmed or reopened meanwhile stays as it is.
 */
@Component
class AutoCloser {

    private static final Logger log = LoggerFactory.getLogger(AutoCloser.class);
    private static final int BATCH = 200;

    private final IncidentSearch search;
    private final CommandGateway commands;
    private final AutoCloseProperties properties;
    private final WorkingCalendar calendar;
    private final Clock clock;

    AutoCloser(IncidentSearch search, CommandGateway commands, AutoCloseProperties properties, Clock clock) {
        this.search = search;
        this.commands = commands;
        this.properties = properties;
        this.calendar = properties.calendar();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${incident.auto-close.check-every}")
    void closeUnconfirmed() {
        Instant resolvedBefore = calendar.minusWorkingDays(clock.instant(), properties.afterWorkingDays());
        List<UUID> due = search.resolvedBefore(resolvedBefore, BATCH);
        for (UUID incident : due) {
            commands.sendAndWait(new AutoClose(incident, resolvedBefore));
        }
        if (!due.isEmpty()) {
            log.info("Auto-close: looked at {} incidents resolved before {}", due.size(), resolvedBefore);
        }
    }
}
