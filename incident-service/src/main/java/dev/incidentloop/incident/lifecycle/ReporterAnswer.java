package dev.incidentloop.incident.lifecycle;

/**
 * Who answers a resolution (confirm or reject): the reporter, or a responder for them, as the service desk does when
 * it calls the reporter back (DOMAIN.md section 2, "Confirmation and closure"); nobody else.
 */
final class ReporterAnswer {

    private ReporterAnswer() {
    }

    /**
     * The reporter the caller answers for, or null when the caller is the reporter.
     *
     * @throws NotTheReporter when the caller is neither the reporter nor one who may answer for them
     */
    static String onBehalfOf(String reportedBy, String caller, boolean mayAnswerForReporter, String command) {
        if (caller.equals(reportedBy)) {
            return null;
        }
        if (mayAnswerForReporter) {
            return reportedBy;
        }
        throw new NotTheReporter(command, reportedBy);
    }
}
