package dev.incidentloop.kit.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Users and API keys, from configuration. Secrets are never configured in clear text: a user's password is a
 * bcrypt hash in Spring Security's encoding ({@code {bcrypt}$2a$10$...}, nothing else is taken); an API key is the
 * hex SHA-256 of the key,
 * which is enough for a long random key and keeps each request cheap.
 */
@Validated
@ConfigurationProperties("platform.security")
public record SecurityProperties(@Valid List<User> users, @Valid List<ApiKey> apiKeys,
                                 List<String> corsAllowedOrigins) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    public record User(@NotBlank String name,
                       @NotBlank
                       @Pattern(regexp = "\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}",
                               message = "must be a bcrypt hash with the bcrypt prefix of Spring Security"
                                       + " ($2a$10$... after it); noop and other encodings are refused")
                       String passwordHash,
                       @NotEmpty Set<Role> roles) {
    }

    public record ApiKey(@NotBlank String name,
                         @Pattern(regexp = "[0-9a-f]{64}", message = "must be the lower-case hex SHA-256 of the key")
                         String sha256,
                         @NotEmpty Set<Role> roles) {
    }
}
