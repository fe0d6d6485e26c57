package dev.incidentloop.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class RememberedPasswordsTest {

    private static final org.springframework.security.crypto.password.PasswordEncoder ENCODER =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RememberedPasswords manager = new RememberedPasswords(bcryptCounted(), Duration.ofMinutes(5), 2,
            clock);

    /** The real bcrypt check of one user, counting how often it runs. */
    private ReactiveAuthenticationManager bcryptCounted() {
        var users = new MapReactiveUserDetailsService(User.withUsername("li.wei")
                .password(ENCODER.encode("s3cret")).roles("RESPONDER").build(),
                User.withUsername("zhang.min").password(ENCODER.encode("other")).roles("ANALYST").build(),
                User.withUsername("chen.jie").password(ENCODER.encode("third")).roles("ANALYST").build());
        var bcrypt = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        bcrypt.setPasswordEncoder(ENCODER);
        return attempt -> {
            checks.incrementAndGet();
            return bcrypt.authenticate(attempt);
        };
    }

    private Authentication login(String name, String password) {
        return manager.authenticate(new UsernamePasswordAuthenticationToken(name, password)).block();
    }

    @Test
    void a_password_accepted_is_let_in_again_without_a_check_until_the_time_is_up() {
        assertThat(login("li.wei", "s3cret").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_RESPONDER");
        now = now.plus(Duration.ofMinutes(4));
        assertThat(login("li.wei", "s3cret").isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);

        now = now.plus(Duration.ofMinutes(2));
        assertThat(login("li.wei", "s3cret").isAuthenticated()).isTrue();
        assertThat(checks).as("checked again once five minutes had passed").hasValue(2);
    }

    @Test
    void a_wrong_password_is_checked_and_refused_every_time_even_after_the_right_one() {
        login("li.wei", "s3cret");
        assertThatThrownBy(() -> login("li.wei", "s3cret ")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("li.wei", "s3cret ")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("li.wei", "")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(4);
    }

    @Test
    void the_least_recently_used_pair_is_forgotten_first_beyond_the_capacity() {
        login("li.wei", "s3cret");
        login("zhang.min", "other");
        login("li.wei", "s3cret");
        login("chen.jie", "third");
        assertThat(checks).hasValue(3);

        login("li.wei", "s3cret");
        assertThat(checks).as("still remembered, used more recently than zhang.min").hasValue(3);
        login("zhang.min", "other");
        assertThat(checks).as("forgotten when chen.jie came").hasValue(4);
    }
}
