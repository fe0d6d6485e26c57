-- Repeats are counted here, as intake reads them, and recorded in the incident's history later, in batches
-- (AlertRepeated): "repeats" counts those of the current incident, "repeats_folded" those of them already recorded;
-- pending_since is when the oldest repeat not yet recorded was seen. The last repeat counted: when it was seen, and
-- where it was read.
alter table intake_dedup
    add column repeats        bigint      not null default 0,
    add column repeats_folded bigint      not null default 0,
    add column pending_since  timestamptz,
    add column last_seen_at   timestamptz,
    add column last_partition integer,
    add column last_offset    bigint;
-- Counting updates a row per alert and poll and changes no indexed column: with room left in each page, PostgreSQL
-- updates in place (a HOT update) instead of adding index entries. So no index on the counts either: the rounds that
-- record them read the table through.
alter table intake_dedup set (fillfactor = 50);

-- "open" now follows the incident: a resolution, closure or cancellation clears it in the same transaction, a
-- reopening sets it again. Incidents ended before this version are found in the search model.
create index intake_dedup_incident on intake_dedup (incident_id);
update intake_dedup d set open = false
from incident_summary s
where s.incident_id = d.incident_id and s.state in ('RESOLVED', 'CLOSED', 'CANCELED');

-- How far intake has read each partition of the intake topic: a record below next_offset is done, and redelivered
-- it changes nothing. Written in the same transaction as the counts.
create table intake_progress (
    intake_partition integer primary key,
    next_offset      bigint  not null
);
