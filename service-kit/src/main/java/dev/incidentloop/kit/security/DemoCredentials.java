package dev.incidentloop.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The credentials anyone can read in this project: the embedded default's demo accounts and API key, and the
 * database password the services' configuration defaults to. A service started with the {@code prod} profile refuses
 * to run with any of them ({@link ProductionGuard}).
 */
public final class DemoCredentials {

    /** The demo accounts' passwords, as the launcher's {@code DemoAccounts} creates them. */
    public static final List<String> PASSWORDS = List.of("reporter-demo", "responder-demo", "analyst-demo",
            "admin-demo");
    /** The demo monitoring system's API key. */
    public static final List<String> API_KEYS = List.of("demo-monitoring-key");
    /** {@code spring.datasource.password} in the services' application.yml. */
    public static final String DATABASE_PASSWORD = "postgres";

    private DemoCredentials() {
    }

    /**
     * Which of the configured credentials are demo or default ones, each named by its configuration key; empty when
     * none is.
     *
     * @param passwordMatches whether a password matches a configured hash ({@code {bcrypt}...})
     */
    public static List<String> foundIn(SecurityProperties security, String databasePassword,
                                       BiPredicate<String, String> passwordMatches) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < security.users().size(); i++) {
            SecurityProperties.User user = security.users().get(i);
            for (String demo : PASSWORDS) {
                if (passwordMatches.test(demo, user.passwordHash())) {
                    found.add("platform.security.users[" + i + "].password-hash (user " + user.name()
                            + ") is the demo password " + demo);
                }
            }
        }
        for (int i = 0; i < security.apiKeys().size(); i++) {
            SecurityProperties.ApiKey key = security.apiKeys().get(i);
            for (String demo : API_KEYS) {
                if (ApiKeyDigest.sha256Hex(demo).equals(key.sha256())) {
                    found.add("platform.security.api-keys[" + i + "].sha256 (key " + key.name()
                            + ") is the demo API key");
                }
            }
        }
        if (DATABASE_PASSWORD.equals(databasePassword)) {
            found.add("spring.datasource.password is the default " + DATABASE_PASSWORD);
        }
        return found;
    }
}
