package dev.incidentloop.escalation.confirmation;

import dev.incidentloop.escalation.calendar.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DOMAIN.md section 2, "Confirmation and closure": how long a reporter has to confirm or reject a resolution before
 * the incident is closed without them, counted on the working days of the incident's policy calendar. Written as a
 * target: {@code 5 working-days} by default.
 */
@ConfigurationProperties("escalation.confirmation")
public record ConfirmationPeriod(@DefaultValue("5 working-days") String period) {

    public ConfirmationPeriod {
        Target.parse(period);
    }

    Target target() {
        return Target.parse(period);
    }
}
