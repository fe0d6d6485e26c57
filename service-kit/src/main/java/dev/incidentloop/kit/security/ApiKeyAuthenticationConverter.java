package dev.incidentloop.kit.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Authenticates {@code X-API-Key: <key>} by the SHA-256 of the key. */
final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    static final String HEADER = "X-API-Key";

    private final Map<String, SecurityProperties.ApiKey> keysByHash;

    ApiKeyAuthenticationConverter(List<SecurityProperties.ApiKey> keys) {
        this.keysByHash = keys.stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.ApiKey::sha256, Function.identity()));
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (presented == null) {
            return Mono.empty();
        }
        SecurityProperties.ApiKey key = keysByHash.get(ApiKeyDigest.sha256Hex(presented));
        if (key == null) {
            return Mono.error(new BadCredentialsException("unknown API key"));
        }
        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(
                key.name(), null, PlatformSecurityConfiguration.authorities(key.roles())));
    }
}
