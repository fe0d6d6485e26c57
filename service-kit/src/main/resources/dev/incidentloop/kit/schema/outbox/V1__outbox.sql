-- The transactional outbox (dev.incidentloop.kit.outbox): events decided and not yet on Kafka, and the last number
-- given to each incident's events from this service. "if not exists": services created these tables in their own
-- migrations before the kit owned them.
create table if not exists outbox (
    id         bigserial   primary key,
    event_id   uuid        not null unique,
    topic      text        not null,
    record_key text        not null,
    payload    bytea       not null,
    created_at timestamptz not null default now()
);

create table if not exists outbox_stream (
    incident_id   uuid   primary key,
    last_sequence bigint not null
);
