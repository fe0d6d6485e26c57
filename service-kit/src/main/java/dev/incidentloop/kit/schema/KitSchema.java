package dev.incidentloop.kit.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables the kit's own code uses, migrated by the kit before the service's migrations: each part has its scripts
 * under {@code dev/incidentloop/kit/schema/<part>} and a history table of its own, so its versions never meet the
 * service's. The scripts create what is missing, as services created these tables themselves before.
 *
 * <p>The service migrations that used to create them were edited when the kit took them over. A database migrated
 * before that holds their old checksums; the service names them ({@code platform.schema.moved-to-kit}: version to the
 * checksum before the edit), and when those are the only differences Flyway finds, the history is realigned. Any other
 * difference fails the migration as Flyway would.
 */
public final class KitSchema {

    private static final Logger log = LoggerFactory.getLogger(KitSchema.class);

    /** A part of the kit with tables of its own. */
    public enum Part {
        OUTBOX("outbox"), INBOX("inbox"), DEAD_LETTERS("deadletters");

        private final String folder;

        Part(String folder) {
            this.folder = folder;
        }

        String location() {
            return "classpath:dev/incidentloop/kit/schema/" + folder;
        }

        String historyTable() {
            return "kit_" + folder + "_schema_history";
        }
    }

    private KitSchema() {
    }

    /** Migrates the kit's parts, realigns the moved migrations' history, then runs the service's migrations. */
    public static void migrate(Flyway service, List<Part> parts, Map<String, Integer> movedToKit) {
        for (Part part : parts) {
            Flyway.configure(service.getConfiguration().getClassLoader())
                    .configuration(service.getConfiguration())
                    .locations(part.location())
                    .table(part.historyTable())
                    // the service's tables are there already: the kit's history starts below its first script
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        }
        if (!movedToKit.isEmpty()) {
            ValidateResult result = service.validateWithResult();
            Map<String, Integer> applied = Arrays.stream(service.info().applied())
                    .filter(info -> info.getVersion() != null && info.getChecksum() != null)
                    .collect(Collectors.toMap(info -> info.getVersion().getVersion(), MigrationInfo::getChecksum));
            if (onlyMovedTablesDiffer(result, applied, movedToKit)) {
                log.info("Migrations {} gave their outbox and processed-event tables to service-kit; realigning "
                        + "their checksums", result.invalidMigrations.stream().map(o -> o.version).toList());
                service.repair();
            }
        }
        if (service.info().applied().length == 0) {
            // a new database: the kit's tables are all it holds, and the service's first script comes next
            Flyway.configure(service.getConfiguration().getClassLoader()).configuration(service.getConfiguration())
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } else {
            service.migrate();
        }
    }

    /**
     * Whether validation failed only because migrations named as moved differ from the checksums they had before
     * the kit took their tables: each difference a checksum mismatch, of a moved version, whose applied checksum is
     * the one named. Migrations not applied yet are no difference: the migration after this applies them.
     */
    static boolean onlyMovedTablesDiffer(ValidateResult result, Map<String, Integer> applied,
                                         Map<String, Integer> movedToKit) {
        if (result.validationSuccessful) {
            return false;
        }
        List<ValidateOutput> differences = result.invalidMigrations.stream()
                .filter(invalid -> invalid.errorDetails == null
                        || invalid.errorDetails.errorCode != CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED)
                .toList();
        if (differences.isEmpty()) {
            return false;
        }
        for (ValidateOutput invalid : differences) {
            boolean mismatch = invalid.errorDetails != null
                    && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH;
            if (!mismatch || invalid.version == null || !movedToKit.containsKey(invalid.version)
                    || !Objects.equals(movedToKit.get(invalid.version), applied.get(invalid.version))) {
                return false;
            }
        }
        return true;
    }
}
