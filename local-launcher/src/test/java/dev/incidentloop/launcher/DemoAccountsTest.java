package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.kit.security.DemoCredentials;
import org.junit.jupiter.api.Test;

/** The embedded default's demo secrets are the ones a service started with the prod profile refuses. */
class DemoAccountsTest {

    @Test
    void every_demo_secret_is_refused_in_production() {
        assertThat(DemoAccounts.USERS).extracting(DemoAccounts.Account::password)
                .allSatisfy(password -> assertThat(DemoCredentials.PASSWORDS).contains(password));
        assertThat(DemoCredentials.API_KEYS).contains(DemoAccounts.API_KEY);
    }
}
