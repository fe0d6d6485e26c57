package dev.incidentloop.incident.http;

import dev.incidentloop.incident.lifecycle.IncidentState;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whether a command failed because this instance held the incident in its cache while another instance changed it:
 * its events collided with the other's in the store, or its stale state refused a command that the incident, as the
 * store tells it now, allows. Either way the cached incident is dropped and the command sent again.
 */
final class StaleCache {

    /** How often a command is sent in all, should every attempt meet a stale incident. */
    static final int ATTEMPTS = 3;

    private StaleCache() {
    }

    /**
     * @param failure what sending the command threw
     * @param fresh   the incident's state as its stored events tell it now (null if it has none); read only for a
     *                refusal, the one case that needs it
     */
    static boolean met(Throwable failure, Supplier<IncidentState> fresh) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof TransitionNotAllowed refused) {
                IncidentState stored = fresh.get();
                return stored != null && stored != refused.state() && stored.allows(refused.command());
            }
        }
        return false;
    }
}
