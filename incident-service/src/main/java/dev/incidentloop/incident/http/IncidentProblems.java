package dev.incidentloop.incident.http;

import dev.incidentloop.incident.lifecycle.NotTheReporter;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps what the aggregate rejects to problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentProblems {

    @ExceptionHandler(TransitionNotAllowed.class)
    ProblemDetail transitionNotAllowed(TransitionNotAllowed ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Transition not allowed");
        problem.setProperty("state", ex.state());
        problem.setProperty("allowedCommands", ex.state().allowedCommands());
        return problem;
    }

    /** A resolution answered by someone who may not answer it. */
    @ExceptionHandler(NotTheReporter.class)
    ProblemDetail notTheReporter(NotTheReporter ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Not the reporter");
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No incident " + ex.getAggregateIdentifier());
        problem.setTitle("Incident not found");
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "If-Match names version " + ex.getExpectedVersion() + " but the incident is at version "
                        + ex.getActualVersion() + "; read it again and retry");
        problem.setTitle("Incident changed meanwhile");
        problem.setProperty("currentVersion", ex.getActualVersion());
        return problem;
    }

    /** A rule of the domain that the request broke, such as a satisfaction outside 1..5. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidCommand(IllegalArgumentException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    /** Another instance kept changing the incident while this one tried (see StaleCache): the client may try again. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail changedMeanwhile(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The incident was changed elsewhere at the same time; send the command again");
        problem.setTitle("Changed concurrently");
        return problem;
    }

    /** Axon wraps a handler's exception when it crossed a boundary; answer for the original one. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException ex) {
        if (ex.getCause() instanceof TransitionNotAllowed cause) {
            return transitionNotAllowed(cause);
        }
        if (ex.getCause() instanceof AggregateNotFoundException cause) {
            return notFound(cause);
        }
        if (ex.getCause() instanceof NotTheReporter cause) {
            return notTheReporter(cause);
        }
        if (ex.getCause() instanceof ConflictingAggregateVersionException cause) {
            return staleVersion(cause);
        }
        if (ex.getCause() instanceof IllegalArgumentException cause) {
            return invalidCommand(cause);
        }
        if (ex.getCause() instanceof ConcurrencyException cause) {
            return changedMeanwhile(cause);
        }
        throw ex;
    }
}
