package dev.incidentloop.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The accounts the embedded default creates, one per role, and an API key for a monitoring system. They are for
 * trying the platform on one machine; production configures its own (see docker-compose.yml). service-kit's
 * {@code DemoCredentials} lists the same secrets: a service started with the {@code prod} profile refuses them.
 */
final class DemoAccounts {

    record Account(String name, String password, String role) {
    }

    static final List<Account> USERS = List.of(
            new Account("reporter", "reporter-demo", "REPORTER"),
            new Account("responder", "responder-demo", "RESPONDER"),
            new Account("analyst", "analyst-demo", "ANALYST"),
            new Account("admin", "admin-demo", "ADMIN"));
    static final String API_KEY_NAME = "monitoring";
    static final String API_KEY = "demo-monitoring-key";

    private DemoAccounts() {
    }

    /** The service arguments that configure these accounts; only hashes leave this class. */
    static List<String> serviceArguments() {
        var bcrypt = new BCryptPasswordEncoder();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < USERS.size(); i++) {
            Account user = USERS.get(i);
            String prefix = "--platform.security.users[" + i + "].";
            args.add(prefix + "name=" + user.name());
            args.add(prefix + "password-hash={bcrypt}" + bcrypt.encode(user.password()));
            args.add(prefix + "roles=" + user.role());
        }
        args.add("--platform.security.api-keys[0].name=" + API_KEY_NAME);
        args.add("--platform.security.api-keys[0].sha256=" + sha256(API_KEY));
        args.add("--platform.security.api-keys[0].roles=REPORTER");
        return args;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
