package dev.incidentloop.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A service's start with the {@code prod} profile: refused, naming each demo or default credential, unless it has
 * none; without the profile the demo accounts work as the embedded default needs. A password hash that is not bcrypt
 * is refused whatever the profile.
 */
class ProductionGuardTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, ProductionGuard.class));

    @Test
    void the_prod_profile_refuses_to_start_with_a_demo_password_and_the_default_database_password_naming_both() {
        service.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues(user("reporter", "reporter-demo"))
                .withPropertyValues("platform.security.users[0].roles=REPORTER",
                        "spring.datasource.password=postgres")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage(
                            "The prod profile does not start with a demo or default credential: "
                                    + "platform.security.users[0].password-hash (user reporter) is the demo password "
                                    + "reporter-demo; spring.datasource.password is the default postgres");
                });
    }

    @Test
    void the_prod_profile_starts_with_credentials_of_its_own() {
        service.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues(user("admin", "correct horse battery staple"))
                .withPropertyValues("platform.security.users[0].roles=ADMIN",
                        "spring.datasource.password=s3cret-of-the-dba")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ProductionGuard.class));
    }

    @Test
    void without_the_prod_profile_the_demo_accounts_start() {
        service.withPropertyValues(user("reporter", "reporter-demo"))
                .withPropertyValues("platform.security.users[0].roles=REPORTER",
                        "spring.datasource.password=postgres")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionGuard.class));
    }

    @Test
    void a_password_that_is_not_a_bcrypt_hash_is_refused_naming_the_key() {
        service.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("platform.security.users[0].name=admin",
                        "platform.security.users[0].password-hash={noop}admin", "platform.security.users[0].roles=ADMIN")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "platform.security.users[0].passwordHash").hasMessageContaining("must be a bcrypt hash");
                });
    }

    private static String[] user(String name, String password) {
        return new String[] {"platform.security.users[0].name=" + name,
                "platform.security.users[0].password-hash={bcrypt}" + BCRYPT.encode(password)};
    }
}
