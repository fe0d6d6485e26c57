package dev.incidentloop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.kit.security.DemoCredentials;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The gateway's start in the prod environment: refused with a demo credential, naming it, and with a password hash
 * that is not bcrypt in any environment; allowed with credentials of its own.
 */
class ProductionGuardTest {

    @Test
    void the_prod_environment_refuses_a_demo_password_and_the_demo_api_key_naming_them() {
        Map<String, Object> properties = new HashMap<>(GatewayClient.properties());
        properties.put("platform.security.users[1].password-hash", "{bcrypt}" + BCrypt.hashpw("reporter-demo",
                BCrypt.gensalt(4)));
        properties.put("platform.security.api-keys[0].name", "monitoring");
        properties.put("platform.security.api-keys[0].sha256", Secrets.sha256Hex("demo-monitoring-key"));
        properties.put("platform.security.api-keys[0].roles", "REPORTER");

        assertThatThrownBy(() -> ApplicationContext.run(properties, "prod")).rootCause().hasMessage(
                "The prod environment does not start with a demo credential: the password of user reporter is the"
                        + " demo password reporter-demo; API key monitoring is the demo API key");
    }

    @Test
    void the_prod_environment_starts_with_credentials_of_its_own() {
        try (ApplicationContext gateway = ApplicationContext.run(new HashMap<>(GatewayClient.properties()), "prod")) {
            assertThat(gateway.containsBean(ProductionGuard.class)).isTrue();
        }
    }

    @Test
    void a_password_that_is_not_a_bcrypt_hash_is_refused_naming_the_key() {
        Map<String, Object> properties = new HashMap<>(GatewayClient.properties());
        properties.put("platform.security.users[0].password-hash", "{noop}admin-pw");

        assertThatThrownBy(() -> ApplicationContext.run(properties)).rootCause()
                .hasMessageStartingWith("platform.security.users[0].password-hash (user admin) must be a bcrypt hash");
    }

    @Test
    void the_demo_secrets_are_those_the_spring_services_refuse() {
        assertThat(Accounts.DEMO_PASSWORDS).isEqualTo(DemoCredentials.PASSWORDS);
        assertThat(Accounts.DEMO_API_KEYS).isEqualTo(DemoCredentials.API_KEYS);
    }
}
