package dev.incidentloop.incident.classification;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a report says about its classification, for people (HTTP) and systems (intake) alike, and names
 * every field at fault. An IT-service report may give impact and urgency as top-level fields; every category may
 * give a {@code classification} object of the contract's shape, whose {@code kind} must be the report's category.
 */
public final class ClassificationInput {

    private static final int TEXT = 2_000;

    private ClassificationInput() {
    }

    /**
     * The classification the report gives, checked; throws {@link InvalidRequestException} naming each fault.
     * {@code reportedAt} is when the report is made: when it says something was detected or happened, that must not
     * be later.
     */
    public static Classification resolve(Category category, Integer impact, Integer urgency,
                                         Classification classification, Instant reportedAt) {
        List<FieldError> errors = new ArrayList<>();
        Classification result = resolve(category, impact, urgency, classification, reportedAt, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return result;
    }

    /** As {@link #resolve(Category, Integer, Integer, Classification, Instant)}, adding what is wrong to {@code errors}. */
    public static Classification resolve(Category category, Integer impact, Integer urgency,
                                         Classification classification, Instant reportedAt, List<FieldError> errors) {
        Classification result = classification;
        if (classification == null) {
            if (category == Category.IT_SERVICE) {
                level(errors, impact, "impact");
                level(errors, urgency, "urgency");
                if (impact != null && urgency != null) {
                    result = new Classification.ItService(impact, urgency);
                }
            } else if (category != null) {
                errors.add(new FieldError("classification", "is required for category " + category.wireName()));
            }
        } else if (category != null && classification.category() != category) {
            errors.add(new FieldError("classification.kind", "must be the category, " + category.wireName()));
        } else if (impact != null || urgency != null) {
            errors.add(new FieldError(impact != null ? "impact" : "urgency",
                    "give impact and urgency inside classification, not beside it"));
        }
        if (classification != null) {
            check(classification, errors);
            notLaterThanTheReport(classification, reportedAt, errors);
        }
        return result;
    }

    /**
     * DOMAIN.md sections 3 and 5: deadlines count from when a security incident was detected and an EHS event happened,
     * which the report may give; never later than the report itself.
     */
    public static void notLaterThanTheReport(Classification classification, Instant reportedAt,
                                             List<FieldError> errors) {
        Instant given = switch (classification) {
            case Classification.InformationSecurity s -> s.detectedAt();
            case Classification.EhsRecordable e -> e.happenedAt();
            default -> null;
        };
        if (given != null && reportedAt != null && given.isAfter(reportedAt)) {
            String field = classification instanceof Classification.InformationSecurity ? "detectedAt" : "happenedAt";
            errors.add(new FieldError("classification." + field, "must not be later than the report (" + reportedAt
                    + ")"));
        }
    }

    private static void check(Classification classification, List<FieldError> errors) {
        String p = "classification.";
        switch (classification) {
            case Classification.ItService it -> {
                range(errors, it.impact(), 1, 3, p + "impact");
                range(errors, it.urgency(), 1, 3, p + "urgency");
            }
            case Classification.InformationSecurity s -> {
                required(errors, s.securityKind(), p + "securityKind");
                range(errors, s.severity(), 1, 4, p + "severity");
                text(errors, s.place(), p + "place");
                text(errors, s.department(), p + "department");
                text(errors, s.summary(), p + "summary");
                text(errors, s.causeEstimate(), p + "causeEstimate");
                if (s.lossEstimateCny() != null && s.lossEstimateCny() < 0) {
                    errors.add(new FieldError(p + "lossEstimateCny", "must not be negative"));
                }
            }
            case Classification.HseAccident h -> {
                required(errors, h.accidentType(), p + "accidentType");
                notNegative(errors, h.deaths(), p + "deaths");
                notNegative(errors, h.seriousInjuries(), p + "seriousInjuries");
                notNegative(errors, h.directLossCny(), p + "directLossCny");
            }
            case Classification.EhsRecordable e -> notNegative(errors, e.lossCny(), p + "lossCny");
            case Classification.Emergency e -> required(errors, e.emergencyKind(), p + "emergencyKind");
        }
    }

    private static void level(List<FieldError> errors, Integer value, String field) {
        if (value == null) {
            errors.add(new FieldError(field, "is required for category it-service"));
        } else if (value < 1 || value > 3) {
            errors.add(new FieldError(field, "must be 1 to 3"));
        }
    }

    private static void range(List<FieldError> errors, int value, int min, int max, String field) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be " + min + " to " + max));
        }
    }

    private static void notNegative(List<FieldError> errors, long value, String field) {
        if (value < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static void required(List<FieldError> errors, Object value, String field) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void text(List<FieldError> errors, String value, String field) {
        if (value != null && value.length() > TEXT) {
            errors.add(new FieldError(field, "must be at most " + TEXT + " characters"));
        }
    }
}
