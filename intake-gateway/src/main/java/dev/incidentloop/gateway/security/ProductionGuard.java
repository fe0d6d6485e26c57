package dev.incidentloop.gateway.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.List;

/**
 * In the {@code prod} environment ({@code MICRONAUT_ENVIRONMENTS=prod}) the gateway does not start while its accounts
 * hold a credential published in this project, and names each, as the Spring services do with their prod profile.
 */
@Context
@Requires(env = "prod")
public class ProductionGuard {

    ProductionGuard(Accounts accounts) {
        List<String> found = accounts.demoCredentials();
        if (!found.isEmpty()) {
            throw new IllegalStateException("The prod environment does not start with a demo credential: "
                    + String.join("; ", found));
        }
    }
}
