package dev.incidentloop.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** problem+json answers written outside controllers, where no advice applies (security filters). */
public final class Problems {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {
    }

    public static ServerAuthenticationEntryPoint authenticationEntryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"incident-loop\"");
            return write(exchange, HttpStatus.UNAUTHORIZED,
                    "Authentication required: HTTP Basic or an X-API-Key header (" + ex.getMessage() + ")");
        };
    }

    public static ServerAccessDeniedHandler accessDeniedHandler() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "Your roles do not allow this request");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(exchange.getRequest().getURI());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(Map.of(
                    "type", problem.getType().toString(),
                    "title", problem.getTitle(),
                    "status", problem.getStatus(),
                    "detail", detail,
                    "instance", problem.getInstance().toString()));
        } catch (Exception e) {
            body = detail.getBytes(StandardCharsets.UTF_8);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
