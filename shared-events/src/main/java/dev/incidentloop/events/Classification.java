package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What an incident was classified by, per category (DOMAIN.md sections 2 to 6). Written with a {@code kind}
 * property that names the category.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Classification.ItService.class, name = "it-service"),
        @JsonSubTypes.Type(value = Classification.InformationSecurity.class, name = "information-security"),
        @JsonSubTypes.Type(value = Classification.HseAccident.class, name = "hse-accident"),
        @JsonSubTypes.Type(value = Classification.EhsRecordable.class, name = "ehs-recordable"),
        @JsonSubTypes.Type(value = Classification.Emergency.class, name = "emergency")})
public sealed interface Classification {

    Category category();

    /** @param impact 1 high .. 3 low; @param urgency 1 high .. 3 low */
    record ItService(int impact, int urgency) implements Classification {
        public Category category() {
            return Category.IT_SERVICE;
        }
    }

    /**
     * ISO 27001 report contents.
     *
     * @param detectedAt        when it was detected, as the report gives it (DOMAIN.md section 3: the report deadline
     *                          counts from it); null for the report's own time. Never later than the report.
     * @param severity          1 critical .. 4 low
     * @param lossEstimateCny   first estimate of the loss in yuan, if one was given
     * @param major             a major (严重) incident: reported as such, or of critical severity
     * @param evidencePreserved whether evidence was secured (保全措施)
     */
    record InformationSecurity(SecurityKind securityKind, int severity, boolean major, Instant detectedAt,
                               String place, String department, String summary, Long lossEstimateCny,
                               String causeEstimate, boolean evidencePreserved) implements Classification {
        public Category category() {
            return Category.INFORMATION_SECURITY;
        }
    }

    /**
     * @param directLossCny direct economic loss in yuan
     * @param grade         the highest grade any of deaths, serious injuries and direct loss reaches
     */
    record HseAccident(HseType accidentType, int deaths, int seriousInjuries, long directLossCny,
                       HseGrade grade) implements Classification {
        public Category category() {
            return Category.HSE_ACCIDENT;
        }
    }

    /**
     * @param lossCny    the actual loss, or the predicted worst loss, in yuan
     * @param actual     true for an actual loss, false for a predicted one
     * @param happenedAt when the event happened, as the report gives it (DOMAIN.md section 5: its deadlines count from
     *                   it); null for the report's own time. Never later than the report.
     */
    record EhsRecordable(long lossCny, boolean actual, int level, Instant happenedAt) implements Classification {

        /** An event reported when it happened. */
        public EhsRecordable(long lossCny, boolean actual, int level) {
            this(lossCny, actual, level, null);
        }

        public Category category() {
            return Category.EHS_RECORDABLE;
        }
    }

    record Emergency(EmergencyKind emergencyKind) implements Classification {
        public Category category() {
            return Category.EMERGENCY;
        }
    }
}
