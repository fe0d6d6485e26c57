package dev.incidentloop.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoCredentialsTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final PasswordEncoder MATCHER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void a_demo_password_under_any_name_a_demo_key_and_the_default_database_password_are_found_by_key() {
        // given
        var security = new SecurityProperties(List.of(user("ops", "an own long password"),
                user("night-shift", "admin-demo")),
                List.of(new SecurityProperties.ApiKey("nagios", ApiKeyDigest.sha256Hex("demo-monitoring-key"),
                        Set.of(Role.REPORTER))), List.of());
        // when
        List<String> found = DemoCredentials.foundIn(security, "postgres", MATCHER::matches);
        // then
        assertThat(found).containsExactly(
                "platform.security.users[1].password-hash (user night-shift) is the demo password admin-demo",
                "platform.security.api-keys[0].sha256 (key nagios) is the demo API key",
                "spring.datasource.password is the default postgres");
    }

    @Test
    void own_credentials_are_not_found() {
        // given
        var security = new SecurityProperties(List.of(user("admin", "correct horse battery staple")),
                List.of(new SecurityProperties.ApiKey("nagios", ApiKeyDigest.sha256Hex("a long random key of its own"),
                        Set.of(Role.REPORTER))), List.of());
        // when
        List<String> found = DemoCredentials.foundIn(security, "s3cret-of-the-dba", MATCHER::matches);
        // then
        assertThat(found).isEmpty();
    }

    static SecurityProperties.User user(String name, String password) {
        return new SecurityProperties.User(name, "{bcrypt}" + BCRYPT.encode(password), Set.of(Role.ADMIN));
    }
}
