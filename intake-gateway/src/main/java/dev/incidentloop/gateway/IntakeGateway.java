package dev.incidentloop.gateway;

import io.micronaut.runtime.Micronaut;

/**
 * The HTTP door for machines. Every request becomes intake records on {@code incident.intake.v1}, answered only
 * once the broker has them; the gateway keeps no state of its own beyond the integrations it reads from Kafka, so
 * any number of instances can run behind a load balancer.
 */
public final class IntakeGateway {

    private IntakeGateway() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(IntakeGateway.class).start();
    }
}
