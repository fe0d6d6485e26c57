package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's connections plan a statement for the values it runs with. A lookup by a set of ids, run often while
 * its table was empty, was otherwise planned once for all values as a scan of the whole table, which it stayed as
 * the table grew.
 */
@ServiceIntegrationTest
class QueryPlansIT {

    @Autowired
    DataSource dataSource;

    @Test
    void a_lookup_by_ids_first_run_on_an_empty_table_uses_the_index_once_the_table_has_grown() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // the routes' shape: how many rows the planner expects a small table to hold depends on it
            sql.execute("create temporary table route_like (like incident_route including all)");
            sql.execute("prepare lookup (uuid[]) as select * from route_like where incident_id = any ($1)");
            // five runs plan for the values; after them the server would keep one plan for any values
            for (int run = 0; run < 8; run++) {
                sql.execute("execute lookup (array[gen_random_uuid(), gen_random_uuid()])");
            }
            sql.execute("insert into route_like (incident_id, title) select gen_random_uuid(), 'an incident' "
                    + "from generate_series(1, 10000)");

            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sql.executeQuery(
                    "explain execute lookup (array[gen_random_uuid(), gen_random_uuid()])")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            sql.execute("deallocate lookup");
            sql.execute("drop table route_like");

            assertThat(plan.toString()).contains("route_like_pkey").doesNotContain("Seq Scan");
        }
    }
}
