-- The events the feeds and webhooks have taken in: a redelivered event is skipped as a whole. Its items and
-- deliveries are unique per feed and subscription already, but the incident's route may have changed since, and the
-- event would then reach a team or subscription it did not reach the first time.
create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null default now()
);
