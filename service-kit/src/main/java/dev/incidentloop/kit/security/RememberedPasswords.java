package dev.incidentloop.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Checks a name and password with the delegate (bcrypt: tens of milliseconds of CPU by design) only the first time
 * within {@code remember}: a name and password it accepted are remembered as a SHA-256 digest, never as given, and
 * the next request with the same pair is let in without the check. A browser console or a script that polls with
 * HTTP Basic every few seconds would otherwise cost the service a bcrypt check per request. Failures are not
 * remembered. At most {@code capacity} pairs are kept, the least recently used dropped first.
 */
final class RememberedPasswords implements ReactiveAuthenticationManager {

    private record Remembered(Authentication authentication, Instant until) {
    }

    private final ReactiveAuthenticationManager delegate;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Remembered> accepted;

    RememberedPasswords(ReactiveAuthenticationManager delegate, Duration remember, int capacity, Clock clock) {
        this.delegate = delegate;
        this.remember = remember;
        this.clock = clock;
        this.accepted = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)
                || !(attempt.getCredentials() instanceof String password)) {
            return delegate.authenticate(attempt);
        }
        // the name's length first, so that no other name and password run together into the same text
        String key = ApiKeyDigest.sha256Hex(attempt.getName().length() + ":" + attempt.getName() + ":" + password);
        Instant now = clock.instant();
        synchronized (accepted) {
            Remembered remembered = accepted.get(key);
            if (remembered != null && now.isBefore(remembered.until())) {
                return Mono.just(remembered.authentication());
            }
            accepted.remove(key);
        }
        return delegate.authenticate(attempt).doOnNext(authentication -> {
            synchronized (accepted) {
                accepted.put(key, new Remembered(authentication, now.plus(remember)));
            }
        });
    }
}
