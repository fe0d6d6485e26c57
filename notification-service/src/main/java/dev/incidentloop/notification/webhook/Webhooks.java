package dev.incidentloop.notification.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions. Every event asks which subscriptions want it, so the list is kept in memory and read again at
 * most every second: a change made through another instance takes effect within a second, one made here at once.
 */
@Repository
class Webhooks {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private record Snapshot(List<Webhook> webhooks, long readAt) {
    }

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Webhook> all() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > REFRESH_NANOS) {
            current = new Snapshot(jdbc.query("select * from webhook order by name", Webhooks::map), now);
            snapshot = current;
        }
        return current.webhooks();
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.query("select * from webhook where id = ?", Webhooks::map, id).stream().findFirst();
    }

    boolean nameTaken(String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from webhook where name = ? and id <> ?)", Boolean.class, name, except));
    }

    void save(Webhook w, String by) {
        jdbc.update("""
                insert into webhook (id, name, url, secret, categories, priorities, teams, event_types, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, url = excluded.url, secret = excluded.secret,
                    categories = excluded.categories, priorities = excluded.priorities, teams = excluded.teams,
                    event_types = excluded.event_types""",
                w.id(), w.name(), w.url(), w.secret(), w.categories().toArray(String[]::new),
                w.priorities().toArray(String[]::new), w.teams().toArray(String[]::new),
                w.eventTypes().toArray(String[]::new), by);
        snapshot = null;
    }

    boolean delete(UUID id) {
        boolean deleted = jdbc.update("delete from webhook where id = ?", id) == 1;
        snapshot = null;
        return deleted;
    }

    static Webhook map(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
                rs.getString("secret"), list(rs.getArray("categories")), list(rs.getArray("priorities")),
                list(rs.getArray("teams")), list(rs.getArray("event_types")));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
