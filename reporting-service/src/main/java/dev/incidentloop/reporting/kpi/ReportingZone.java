package dev.incidentloop.reporting.kpi;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time zone in which calendar periods (a day, a week, a month of the service report) begin and end unless a
 * request names another.
 */
@ConfigurationProperties("reporting")
public record ReportingZone(@DefaultValue("UTC") ZoneId zone) {
}
