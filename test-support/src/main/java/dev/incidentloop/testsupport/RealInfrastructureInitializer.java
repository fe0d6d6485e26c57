package dev.incidentloop.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service's test context at the JVM's shared broker and at its own database on the shared PostgreSQL
 * (named after {@code spring.application.name}, dashes as underscores), with the {@link TestUsers} accounts.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getRequiredProperty("spring.application.name");
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
                "spring.datasource.url=" + RealInfrastructure.jdbcUrl(service.replace('-', '_')),
                "spring.datasource.username=" + RealInfrastructure.dbUser(),
                "spring.datasource.password=" + RealInfrastructure.dbPassword(),
                // a test JVM ends with its contexts: open keep-alive connections need not be waited for
                "server.shutdown=immediate"
        ).and(TestUsers.properties()).applyTo(context);
    }
}
