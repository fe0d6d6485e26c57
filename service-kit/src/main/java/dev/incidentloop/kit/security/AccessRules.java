package dev.incidentloop.kit.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own authorization rules, applied before the catch-all "authenticated". Health is always open.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeExchangeSpec exchanges);
}
