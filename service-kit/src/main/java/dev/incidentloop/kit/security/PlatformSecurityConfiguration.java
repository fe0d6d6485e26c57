package dev.incidentloop.kit.security;

import dev.incidentloop.kit.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Every endpoint but health needs authentication: HTTP Basic for people, {@code X-API-Key} for systems.
 * Sessions are not kept; 401 and 403 answer with problem+json.
 */
@AutoConfiguration(before = ReactiveSecurityAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityConfiguration {

    @Bean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, SecurityProperties properties,
                                            ObjectProvider<AccessRules> accessRules) {
        var entryPoint = Problems.authenticationEntryPoint();
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter((ReactiveAuthenticationManager) Mono::just);
        apiKeyFilter.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter(properties.apiKeys()));
        apiKeyFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        if (properties.corsAllowedOrigins().isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            http.cors(cors -> cors.configurationSource(cors(properties.corsAllowedOrigins())));
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint)
                        .authenticationManager(basicAuthentication(properties.users())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(Problems.accessDeniedHandler()))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    exchanges.pathMatchers("/admin/dead-letters", "/admin/dead-letters/**")
                            .hasRole(Role.ADMIN.name());
                    accessRules.orderedStream().forEach(rules -> rules.apply(exchanges));
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /**
     * Browser pages of other origins (the on-call console of notification-service) may call this service with their
     * own {@code Authorization} header; no cookies are involved, so credentials mode stays off.
     */
    private static CorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                "X-API-Key", "Last-Event-ID"));
        config.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    /** How long a name and password accepted are let in again without a bcrypt check (see RememberedPasswords). */
    private static final Duration REMEMBER_PASSWORDS = Duration.ofMinutes(5);

    private static ReactiveAuthenticationManager basicAuthentication(List<SecurityProperties.User> users) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> details = users.stream()
                .map(u -> User.withUsername(u.name()).password(u.passwordHash())
                        .authorities(authorities(u.roles())).build())
                .toList();
        // An empty map is rejected by MapReactiveUserDetailsService; with no users nobody gets in by password.
        var service = details.isEmpty()
                ? new MapReactiveUserDetailsService(User.withUsername("\u0000").password("{noop}\u0000")
                        .disabled(true).authorities(List.of()).build())
                : new MapReactiveUserDetailsService(details);
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(service);
        manager.setPasswordEncoder(encoder);
        return new RememberedPasswords(manager, REMEMBER_PASSWORDS, 1_000, Clock.systemUTC());
    }

    static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .flatMap(role -> role.withImplied().stream())
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }
}
