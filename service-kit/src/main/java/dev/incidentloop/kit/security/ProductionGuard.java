package dev.incidentloop.kit.security;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With the {@code prod} profile a service does not start while its configuration holds a demo or default
 * credential ({@link DemoCredentials}); the error names each. Checking the demo passwords against every configured
 * hash costs a bcrypt check each, so a second or two at start, in production only.
 */
@AutoConfiguration
@Profile("prod")
@EnableConfigurationProperties(SecurityProperties.class)
public class ProductionGuard implements InitializingBean {

    private final SecurityProperties security;
    private final Environment environment;

    ProductionGuard(SecurityProperties security, Environment environment) {
        this.security = security;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> found = DemoCredentials.foundIn(security, environment.getProperty("spring.datasource.password"),
                encoder::matches);
        if (!found.isEmpty()) {
            throw new IllegalStateException("The prod profile does not start with a demo or default credential: "
                    + String.join("; ", found));
        }
    }
}
