package dev.incidentloop.kit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/** When a database's migration history is realigned after the kit took over the outbox and inbox tables. */
class KitSchemaTest {

    private static final Map<String, Integer> MOVED = Map.of("1", -755389527, "4", -923116559);

    @Test
    void a_database_migrated_before_the_kit_took_its_tables_is_realigned() {
        var result = invalid(mismatch("1"), mismatch("4"));

        assertThat(KitSchema.onlyMovedTablesDiffer(result, Map.of("1", -755389527, "4", -923116559, "2", 7), MOVED))
                .isTrue();
    }

    @Test
    void migrations_not_applied_yet_are_no_difference() {
        var pending = new ValidateOutput("5", "security kind", "V5__security_kind.sql",
                new ErrorDetails(CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED, "not applied"));

        assertThat(KitSchema.onlyMovedTablesDiffer(invalid(mismatch("1"), pending), Map.of("1", -755389527), MOVED))
                .isTrue();
        assertThat(KitSchema.onlyMovedTablesDiffer(invalid(pending), Map.of("1", -755389527), MOVED)).isFalse();
    }

    @Test
    void a_moved_migration_edited_otherwise_is_not() {
        var result = invalid(mismatch("1"));

        assertThat(KitSchema.onlyMovedTablesDiffer(result, Map.of("1", 123456), MOVED)).isFalse();
    }

    @Test
    void a_difference_in_a_migration_not_moved_is_not() {
        var result = invalid(mismatch("1"), mismatch("2"));

        assertThat(KitSchema.onlyMovedTablesDiffer(result, Map.of("1", -755389527, "2", 7), MOVED)).isFalse();
    }

    @Test
    void another_kind_of_difference_is_not() {
        var missing = new ValidateOutput("1", "response clocks", "V1__response_clocks.sql",
                new ErrorDetails(CoreErrorCode.APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED, "not resolved"));

        assertThat(KitSchema.onlyMovedTablesDiffer(invalid(missing), Map.of("1", -755389527), MOVED)).isFalse();
    }

    @Test
    void a_valid_history_needs_nothing() {
        var valid = new ValidateResult("11", "db", null, true, 5, List.of(), List.of());

        assertThat(KitSchema.onlyMovedTablesDiffer(valid, Map.of("1", -755389527), MOVED)).isFalse();
    }

    private static ValidateOutput mismatch(String version) {
        return new ValidateOutput(version, "migration " + version, "V" + version + "__x.sql",
                new ErrorDetails(CoreErrorCode.CHECKSUM_MISMATCH, "checksum mismatch"));
    }

    private static ValidateResult invalid(ValidateOutput... outputs) {
        return new ValidateResult("11", "db", new ErrorDetails(CoreErrorCode.VALIDATE_ERROR, "invalid"), false, 5,
                List.of(outputs), List.of());
    }
}
