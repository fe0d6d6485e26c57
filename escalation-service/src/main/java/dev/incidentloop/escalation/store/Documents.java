package dev.incidentloop.escalation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Calendars, escalation policies and on-call schedules, stored as JSON documents by kind and name. They are
 * configuration data: admins change them over HTTP while the service runs, and every instance reads the same ones.
 */
@Repository
public class Documents {

    /** What a document is; each is read as the type its reader asks for. */
    public enum Kind {
        CALENDAR("calendar"),
        POLICY("policy"),
        SCHEDULE("schedule");

        private final String name;

        Kind(String name) {
            this.name = name;
        }
    }

    /** How long a document read stays in memory: every incident's classification reads several. */
    static final Duration CACHED_FOR = Duration.ofSeconds(1);

    private record Key(Kind kind, String name) {
    }

    private record Cached(Optional<?> document, long readAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    Documents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The document as stored at most {@link #CACHED_FOR} ago. A change made through this instance shows at once,
     * one made through another instance within that time.
     */
    public <T> Optional<T> find(Kind kind, String name, Class<T> type) {
        long now = System.nanoTime();
        Cached cached = cache.get(new Key(kind, name));
        if (cached == null || now - cached.readAt() > CACHED_FOR.toNanos()) {
            Optional<T> stored = jdbc.query("select body from policy_document where kind = ? and name = ?",
                    (rs, row) -> read(rs.getString("body"), type), kind.name, name).stream().findFirst();
            cached = new Cached(stored, now);
            cache.put(new Key(kind, name), cached);
        }
        return cached.document().map(type::cast);
    }

    public List<String> names(Kind kind) {
        return jdbc.queryForList("select name from policy_document where kind = ? order by name", String.class,
                kind.name);
    }

    /** Creates or replaces; true if it was created. */
    public boolean put(Kind kind, String name, Object document, String by) {
        String body = write(document);
        Boolean created = jdbc.queryForObject("""
                insert into policy_document as d (kind, name, body, updated_by) values (?, ?, ?, ?)
                on conflict (kind, name) do update set body = excluded.body, updated_by = excluded.updated_by,
                    updated_at = now()
                returning (xmax = 0)""", Boolean.class, kind.name, name, body, by);
        cache.remove(new Key(kind, name));
        return Boolean.TRUE.equals(created);
    }

    public boolean delete(Kind kind, String name) {
        boolean deleted = jdbc.update("delete from policy_document where kind = ? and name = ?", kind.name, name) == 1;
        cache.remove(new Key(kind, name));
        return deleted;
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " no longer reads: " + e.getMessage(),
                    e);
        }
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
