package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class FeedItems {

    private final JdbcTemplate jdbc;

    FeedItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the item for an event; false if that event already made one (a redelivery) or is not shown in feeds.
     */
    boolean add(EventEnvelope envelope) {
        String type = envelope.type().typeName();
        var summary = Summaries.of(envelope.data());
        return summary.isPresent() && jdbc.update("""
                insert into feed_item (event_id, incident_id, type, summary, occurred_at)
                values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                envelope.id(), envelope.incidentId(), type, summary.get(),
                Timestamp.from(envelope.time())) == 1;
    }

    List<FeedItem> after(long id, int limit) {
        return jdbc.query("select * from feed_item where id > ? order by id limit ?", this::map, id, limit);
    }

    private FeedItem map(ResultSet rs, int row) throws SQLException {
        return new FeedItem(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                rs.getObject("incident_id", UUID.class), rs.getString("type"), rs.getString("summary"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
