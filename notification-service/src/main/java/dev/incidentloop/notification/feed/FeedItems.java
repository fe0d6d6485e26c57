package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class FeedItems {

    /** The key of the transaction-level advisory lock that lets one transaction at a time add items. */
    private static final long ADDING_ITEMS = 0x66656564L;

    private final JdbcTemplate jdbc;

    FeedItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An item to add: the event's summary on a feed. */
    record NewItem(String feed, EventEnvelope envelope, String summary) {
    }

    /**
     * Adds the items in their order, in one round trip (the stream reads a feed by id, so ids follow the events);
     * an item a feed has already (a redelivery) is left as it is. When any was added, the open feeds of every instance
     * are woken as the transaction commits ({@link FeedSignal}).
     *
     * <p>One transaction at a time adds items, across instances of the service: the next waits for the commit of the
     * one before. Otherwise an item could become visible after one with a higher id, and a stream that had read past
     * that id would never show it.
     */
    void addAll(List<NewItem> newItems) {
        jdbc.execute("select pg_advisory_xact_lock(" + ADDING_ITEMS + ")");
        int[] added = jdbc.batchUpdate("""
                insert into feed_item (feed, event_id, incident_id, type, summary, occurred_at)
                values (?, ?, ?, ?, ?, ?) on conflict (feed, event_id) do nothing""",
                newItems.stream().map(i -> new Object[] {i.feed(), i.envelope().id(), i.envelope().incidentId(),
                        i.envelope().type().typeName(), i.summary(), Timestamp.from(i.envelope().time())}).toList());
        if (Arrays.stream(added).anyMatch(count -> count > 0)) {
            jdbc.queryForObject("select pg_notify(?, '')", Object.class, FeedSignal.CHANNEL);
        }
    }

    /** Items of a feed after an id, oldest first (the live stream). */
    List<FeedItem> after(String feed, long id, int limit) {
        return jdbc.query("select *, null::boolean as read from feed_item where feed = ? and id > ? order by id "
                + "limit ?", this::map, feed, id, limit);
    }

    /** A page of a feed's history for a user, newest first, before an id (all when null), with read state. */
    List<FeedItem> history(String feed, String user, Long before, boolean unreadOnly, int limit) {
        return jdbc.query("""
                select f.*, (r.item_id is not null) as read from feed_item f
                left join feed_read r on r.item_id = f.id and r.user_name = ?
                where f.feed = ? and f.id < ? and (not ? or r.item_id is null)
                order by f.id desc limit ?""", this::map, user, feed, before == null ? Long.MAX_VALUE : before,
                unreadOnly, limit);
    }

    long unread(String feed, String user) {
        return jdbc.queryForObject("""
                select count(*) from feed_item f
                where f.feed = ? and not exists (select 1 from feed_read r where r.item_id = f.id and r.user_name = ?)""",
                Long.class, feed, user);
    }

    /** Marks items of a feed read for the user: the given ones, or all up to an id; returns how many changed. */
    int markRead(String feed, String user, List<Long> ids, Long upTo) {
        if (upTo != null) {
            return jdbc.update("""
                    insert into feed_read (user_name, item_id)
                    select ?, id from feed_item where feed = ? and id <= ? on conflict do nothing""", user, feed, upTo);
        }
        return jdbc.update("""
                insert into feed_read (user_name, item_id)
                select ?, id from feed_item where feed = ? and id = any (?) on conflict do nothing""",
                user, feed, ids.toArray(Long[]::new));
    }

    int markUnread(String feed, String user, List<Long> ids) {
        return jdbc.update("""
                delete from feed_read where user_name = ?
                and item_id in (select id from feed_item where feed = ? and id = any (?))""",
                user, feed, ids.toArray(Long[]::new));
    }

    private FeedItem map(ResultSet rs, int row) throws SQLException {
        return new FeedItem(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                rs.getObject("incident_id", UUID.class), rs.getString("type"), rs.getString("summary"),
                rs.getTimestamp("occurred_at").toInstant(), (Boolean) rs.getObject("read"));
    }
}
