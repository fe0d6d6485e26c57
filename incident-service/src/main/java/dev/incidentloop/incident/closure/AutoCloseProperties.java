package dev.incidentloop.incident.closure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resolved incidents whose reporter has not confirmed are closed after this many working days.
 *
 * @param checkEvery how often resolved incidents are looked at
 */
@ConfigurationProperties("incident.auto-close")
public record AutoCloseProperties(int afterWorkingDays, ZoneId zone, List<LocalDate> holidays,
                                  List<LocalDate> makeUpWorkingDays, Duration checkEvery) {

    public AutoCloseProperties {
        if (afterWorkingDays < 1) {
            throw new IllegalArgumentException("incident.auto-close.after-working-days must be at least 1");
        }
        holidays = holidays == null ? List.of() : holidays;
        makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
    }

    WorkingCalendar calendar() {
        return new WorkingCalendar(zone, java.util.Set.copyOf(holidays), java.util.Set.copyOf(makeUpWorkingDays));
    }
}
