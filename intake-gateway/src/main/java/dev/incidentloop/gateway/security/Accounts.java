package dev.incidentloop.gateway.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The platform's accounts, configured as for the other services ({@code platform.security.users[i].name},
 * {@code .password-hash} as {@code {bcrypt}...}, {@code .roles}; {@code platform.security.api-keys[i].name},
 * {@code .sha256}, {@code .roles}): HTTP Basic for people, {@code X-API-Key} for systems. Read at start, so that a
 * password hash that is not bcrypt stops the gateway there, naming its key.
 */
@Context
public final class Accounts {

    /** Who is asking, with the roles the configuration gives them. */
    public record Principal(String name, Set<String> roles) {
    }

    private record User(String name, String bcrypt, Set<String> roles) {
    }

    /** The embedded default's demo secrets, as service-kit's DemoCredentials lists them (AccountsTest compares). */
    static final List<String> DEMO_PASSWORDS = List.of("reporter-demo", "responder-demo", "analyst-demo",
            "admin-demo");
    static final List<String> DEMO_API_KEYS = List.of("demo-monitoring-key");

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Principal> apiKeys = new HashMap<>();
    /** Name-and-password pairs already checked, by their SHA-256: bcrypt costs tens of milliseconds a check. */
    private final Map<String, Principal> remembered = new ConcurrentHashMap<>();

    /** A bcrypt hash in Spring Security's encoding, as the other services take it. */
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}(\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53})");

    Accounts(Environment environment) {
        List<Map<String, Object>> configured = list(environment, "platform.security.users");
        for (int i = 0; i < configured.size(); i++) {
            Map<String, Object> user = configured.get(i);
            String name = string(user, "name");
            String hash = string(user, "password-hash");
            Matcher bcrypt = BCRYPT.matcher(hash == null ? "" : hash);
            if (!bcrypt.matches()) {
                throw new IllegalStateException("platform.security.users[" + i + "].password-hash (user " + name
                        + ") must be a bcrypt hash with the bcrypt prefix of Spring Security ($2a$10$... after it);"
                        + " noop and other encodings are refused");
            }
            if (name != null) {
                users.put(name, new User(name, bcrypt.group(1), roles(user)));
            }
        }
        for (Map<String, Object> key : list(environment, "platform.security.api-keys")) {
            String sha256 = string(key, "sha256");
            if (sha256 != null) {
                apiKeys.put(sha256.toLowerCase(Locale.ROOT), new Principal(string(key, "name"), roles(key)));
            }
        }
    }

    /**
     * The configured credentials that are published in this project (the embedded default's demo passwords, under any
     * user name, and its API key), each described by name; {@link ProductionGuard} refuses to start with any.
     */
    List<String> demoCredentials() {
        List<String> found = new ArrayList<>();
        users.values().stream().sorted(Comparator.comparing(User::name)).forEach(user -> {
            for (String demo : DEMO_PASSWORDS) {
                if (BCrypt.checkpw(demo, user.bcrypt())) {
                    found.add("the password of user " + user.name() + " is the demo password " + demo);
                }
            }
        });
        for (String demo : DEMO_API_KEYS) {
            Principal key = apiKeys.get(Secrets.sha256Hex(demo));
            if (key != null) {
                found.add("API key " + key.name() + " is the demo API key");
            }
        }
        return found;
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
