-- The events a consumer has applied (dev.incidentloop.kit.inbox.ProcessedEvents), so that a redelivery changes
-- nothing. "if not exists": services created this table in their own migrations before the kit owned it.
create table if not exists processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null default now()
);
