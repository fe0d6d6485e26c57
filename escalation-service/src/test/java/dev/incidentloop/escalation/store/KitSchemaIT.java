package dev.incidentloop.escalation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.kit.schema.KitSchema;
import dev.incidentloop.testsupport.RealInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * escalation-service's tables with service-kit's outbox and processed-event tables, on real PostgreSQL: a fresh
 * database, one migrated before the kit owned those tables (its history holds the old checksums of V1 and V4, and one
 * left at V3 still numbers its events in escalation_stream), and one whose migrations were edited otherwise.
 */
class KitSchemaIT {

    /** As application.yml names them. */
    private static final Map<String, Integer> MOVED = Map.of("1", -755389527, "4", -923116559);
    private static final List<KitSchema.Part> PARTS = List.of(KitSchema.Part.OUTBOX, KitSchema.Part.INBOX);

    @Test
    void a_fresh_database_gets_the_kits_tables_first_and_the_services_after() {
        JdbcTemplate jdbc = jdbc("kit_schema_fresh");

        KitSchema.migrate(service("kit_schema_fresh", null), PARTS, MOVED);

        assertThat(tables(jdbc)).contains("outbox", "outbox_stream", "processed_event", "sla_clock",
                "kit_outbox_schema_history", "kit_inbox_schema_history").doesNotContain("escalation_stream");
        assertThat(service("kit_schema_fresh", null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void a_database_migrated_before_the_kit_took_its_tables_is_realigned_and_keeps_its_numbers() {
        JdbcTemplate jdbc = jdbc("kit_schema_old");
        // as the first releases left it: V1 to V3 applied, with V1's checksum from before the edit
        service("kit_schema_old", "3").migrate();
        jdbc.update("create table outbox (id bigserial primary key, event_id uuid not null unique, topic text not null,"
                + " record_key text not null, payload bytea not null, created_at timestamptz not null default now())");
        jdbc.update("update flyway_schema_history set checksum = -755389527 where version = '1'");
        UUID incident = UUID.randomUUID();
        jdbc.update("insert into escalation_stream (incident_id, last_sequence) values (?, 4)", incident);

        KitSchema.migrate(service("kit_schema_old", null), PARTS, MOVED);

        assertThat(jdbc.queryForObject("select last_sequence from outbox_stream where incident_id = ?", Long.class,
                incident)).isEqualTo(4);
        assertThat(tables(jdbc)).contains("processed_event").doesNotContain("escalation_stream");
        assertThat(service("kit_schema_old", null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void a_migration_edited_otherwise_still_fails_naming_it() {
        JdbcTemplate jdbc = jdbc("kit_schema_edited");
        KitSchema.migrate(service("kit_schema_edited", null), PARTS, MOVED);
        jdbc.update("update flyway_schema_history set checksum = 42 where version = '1'");

        assertThatThrownBy(() -> KitSchema.migrate(service("kit_schema_edited", null), PARTS, MOVED))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version 1");
    }

    private static Flyway service(String database, String target) {
        var configuration = Flyway.configure().dataSource(RealInfrastructure.jdbcUrl(database),
                RealInfrastructure.dbUser(), RealInfrastructure.dbPassword()).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(RealInfrastructure.jdbcUrl(database),
                RealInfrastructure.dbUser(), RealInfrastructure.dbPassword()));
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'", String.class);
    }
}
