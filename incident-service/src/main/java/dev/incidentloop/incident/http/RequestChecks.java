package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a request body's own constraints and its classification together, so that one 400 names every field at
 * fault rather than the first half of them.
 */
@Component
class RequestChecks {

    private final Validator validator;
    private final Clock clock;

    RequestChecks(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    Classification classification(Object body, Category category, Integer impact, Integer urgency,
                                   Classification classification) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(body).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(),
                v.getMessage())));
        Classification result = category == null ? null
                : ClassificationInput.resolve(category, impact, urgency, classification, clock.instant(), errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidRequestException(errors);
        }
        return result;
    }
}
