package dev.incidentloop.incident.lifecycle;

/** A resolution answered by someone who neither reported the incident nor may answer for its reporter. */
public class NotTheReporter extends RuntimeException {

    public NotTheReporter(String command, String reportedBy) {
        super("Only the reporter (" + reportedBy + ") or a responder for them may " + command + " the resolution");
    }
}
