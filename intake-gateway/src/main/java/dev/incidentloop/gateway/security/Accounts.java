package dev.incidentloop.gateway.security;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The platform's accounts, configured as for the other services ({@code platform.security.users[i].name},
 * {@code .password-hash} as {@code {bcrypt}...}, {@code .roles}; {@code platform.security.api-keys[i].name},
 * {@code .sha256}, {@code .roles}): HTTP Basic for people, {@code X-API-Key} for systems.
 */
@Singleton
public final class Accounts {

    /** Who is asking, with the roles the configuration gives them. */
    public record Principal(String name, Set<String> roles) {
    }

    private record User(String name, String bcrypt, Set<String> roles) {
    }

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Principal> apiKeys = new HashMap<>();
    /** Name-and-password pairs already checked, by their SHA-256: bcrypt costs tens of milliseconds a check. */
    private final Map<String, Principal> remembered = new ConcurrentHashMap<>();

    Accounts(Environment environment) {
        for (Map<String, Object> user : list(environment, "platform.security.users")) {
            String name = string(user, "name");
            String hash = string(user, "password-hash");
            if (name != null && hash != null && hash.startsWith("{bcrypt}")) {
                users.put(name, new User(name, hash.substring("{bcrypt}".length()), roles(user)));
            }
        }
        for (Map<String, Object> key : list(environment, "platform.security.api-keys")) {
            String sha256 = string(key, "sha256");
            if (sha256 != null) {
                apiKeys.put(sha256.toLowerCase(Locale.ROOT), new Principal(string(key, "name"), roles(key)));
            }
        }
    }

    public Optional<Principal> byApiKey(String key) {
        return Optional.ofNullable(apiKeys.get(Secrets.sha256Hex(key)));
    }

    /** The account of an {@code Authorization: Basic ...} header, if its password is right. */
    public Optional<Principal> byBasic(String authorization) {
        String encoded = authorization.substring("Basic ".length()).trim();
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String digest = Secrets.sha256Hex(pair);
        Principal known = remembered.get(digest);
        if (known != null) {
            return Optional.of(known);
        }
        int colon = pair.indexOf(':');
        User user = colon < 0 ? null : users.get(pair.substring(0, colon));
        if (user == null || !BCrypt.checkpw(pair.substring(colon + 1), user.bcrypt())) {
            return Optional.empty();
        }
        Principal principal = new Principal(user.name(), user.roles());
        if (remembered.size() < 1_000) {
            remembered.put(digest, principal);
        }
        return Optional.of(principal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> list(Environment environment, String property) {
        return (List) environment.getProperty(property, Argument.listOf(Map.class)).orElse(List.of());
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            // relaxed forms: password-hash, passwordHash, passwordhash
            String compact = key.replace("-", "");
            value = map.entrySet().stream().filter(e -> e.getKey().replace("-", "").equalsIgnoreCase(compact))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return value == null ? null : value.toString();
    }

    private static Set<String> roles(Map<String, Object> map) {
        Object roles = map.get("roles");
        if (roles instanceof List<?> list) {
            return list.stream().map(r -> r.toString().trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        }
        String text = roles == null ? "" : roles.toString();
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
