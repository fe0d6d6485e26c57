create table feed_item (
    id          bigserial    primary key,
    event_id    uuid         not null unique,
    incident_id uuid         not null,
    type        varchar(100) not null,
    summary     text         not null,
    occurred_at timestamptz  not null,
    stored_at   timestamptz  not null default now()
);
create index feed_item_incident on feed_item (incident_id);
