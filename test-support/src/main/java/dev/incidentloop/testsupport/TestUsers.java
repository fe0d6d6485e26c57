package dev.incidentloop.testsupport;

import dev.incidentloop.kit.security.ApiKeyDigest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The accounts every service test context is given; each password is the name followed by {@code -pw}. */
public final class TestUsers {

    public static final String REPORTER = "reporter";
    public static final String RESPONDER = "responder";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** An API key with the reporter role, as a monitoring system would hold. */
    public static final String MONITORING_API_KEY = "test-monitoring-key-0123456789abcdef";

    private TestUsers() {
    }

    public static String password(String user) {
        return user + "-pw";
    }

    /** The {@code platform.security.*} properties that configure these accounts, secrets hashed. */
    static List<String> properties() {
        // Strength 4 keeps test start-up fast; the hash format is the production one.
        var bcrypt = new BCryptPasswordEncoder(4);
        List<String> properties = new ArrayList<>();
        String[] users = {REPORTER, RESPONDER, ANALYST, ADMIN};
        for (int i = 0; i < users.length; i++) {
            String prefix = "platform.security.users[" + i + "].";
            properties.add(prefix + "name=" + users[i]);
            properties.add(prefix + "password-hash={bcrypt}" + bcrypt.encode(password(users[i])));
            properties.add(prefix + "roles=" + users[i].toUpperCase());
        }
        properties.add("platform.security.api-keys[0].name=monitoring");
        properties.add("platform.security.api-keys[0].sha256=" + ApiKeyDigest.sha256Hex(MONITORING_API_KEY));
        properties.add("platform.security.api-keys[0].roles=REPORTER");
        return properties;
    }
}
