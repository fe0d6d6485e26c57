package dev.incidentloop.reporting.replay;

import dev.incidentloop.reporting.facts.FactFold;
import dev.incidentloop.reporting.facts.FactModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The fresh tables a replay writes into, their indexes, and the swap that puts them in place of the live ones. */
@Component
class RebuildTables {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RebuildTables(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Empty copies of the live tables, their indexes included; an earlier replay's left-overs dropped. */
    void prepare() {
        transactions.executeWithoutResult(s -> {
            jdbc.execute("drop table if exists incident_fact_rebuild");
            jdbc.execute("drop table if exists processed_event_rebuild");
            jdbc.execute("create table incident_fact_rebuild (like incident_fact including all)");
            jdbc.execute("create table processed_event_rebuild (like processed_event including all)");
        });
    }

    /**
     * Drops the indexes of the fresh tables, unique ones included, and returns the statements that create them again
     * ({@link #restore}): PostgreSQL copies rows into a table without indexes and then indexes them for less than half
     * the work of copying them into an indexed one. An incident or event written twice shows when a unique index is
     * created.
     */
    List<String> dropIndexes() {
        List<String> restore = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (String table : List.of(FactModel.Tables.REBUILD.facts(), FactModel.Tables.REBUILD.processed())) {
                // constraints first: dropping one drops its index
                jdbc.queryForList("select quote_ident(conname) as name, pg_get_constraintdef(oid) as definition"
                        + " from pg_constraint where conrelid = ?::regclass and contype in ('p', 'u', 'x')", table)
                        .forEach(constraint -> {
                            jdbc.execute("alter table " + table + " drop constraint " + constraint.get("name"));
                            restore.add("alter table " + table + " add constraint " + constraint.get("name") + " "
                                    + constraint.get("definition"));
                        });
                jdbc.queryForList("select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as"
                        + " definition from pg_index where indrelid = ?::regclass", table).forEach(index -> {
                    jdbc.execute("drop index " + index.get("name"));
                    restore.add((String) index.get("definition"));
                });
            }
        });
        return restore;
    }

    /** Writes a pass's folded facts into the fresh tables, with COPY, in one transaction. */
    void copy(FactFold fold) {
        transactions.executeWithoutResult(s -> jdbc.execute((ConnectionCallback<Void>) connection -> {
            fold.copyInto(connection, FactModel.Tables.REBUILD);
            return null;
        }));
    }

    /** Creates the indexes {@link #dropIndexes} dropped, in one transaction. */
    void restore(List<String> indexes) {
        transactions.executeWithoutResult(s -> indexes.forEach(jdbc::execute));
    }

    /** Both tables at once: readers see the old model or the new one, never half of each. */
    void swap() {
        transactions.executeWithoutResult(s -> {
            jdbc.execute("alter table incident_fact rename to incident_fact_old");
            jdbc.execute("alter table incident_fact_rebuild rename to incident_fact");
            jdbc.execute("alter table processed_event rename to processed_event_old");
            jdbc.execute("alter table processed_event_rebuild rename to processed_event");
            jdbc.execute("drop table incident_fact_old");
            jdbc.execute("drop table processed_event_old");
        });
    }
}
