package dev.incidentloop.kit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs the kit's migrations ({@link KitSchema}) before the service's own: the outbox's tables where
 * {@code platform.outbox.enabled}, the processed-event table where {@code platform.inbox.enabled}, the record of
 * dead letters processed again unless {@code platform.dead-letters.enabled} is false.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
public class KitSchemaConfiguration {

    @Bean
    @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
    FlywayMigrationStrategy kitSchemaFirst(Environment environment) {
        List<KitSchema.Part> parts = new ArrayList<>();
        if (environment.getProperty("platform.outbox.enabled", Boolean.class, false)) {
            parts.add(KitSchema.Part.OUTBOX);
        }
        if (environment.getProperty("platform.inbox.enabled", Boolean.class, false)) {
            parts.add(KitSchema.Part.INBOX);
        }
        if (environment.getProperty("platform.dead-letters.enabled", Boolean.class, true)) {
            parts.add(KitSchema.Part.DEAD_LETTERS);
        }
        Map<String, Integer> moved = Binder.get(environment)
                .bind("platform.schema.moved-to-kit", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of());
        return flyway -> KitSchema.migrate(flyway, List.copyOf(parts), moved);
    }
}
