-- Feeds: 'all' (every item, as before), 'user:<name>' and 'team:<assignment group>'. One item per feed and event.
alter table feed_item add column feed varchar(140) not null default 'all';
alter table feed_item drop constraint feed_item_event_id_key;
alter table feed_item add constraint feed_item_feed_event unique (feed, event_id);
create index feed_item_feed on feed_item (feed, id);

-- Read state, per user and item.
create table feed_read (
    user_name varchar(100) not null,
    item_id   bigint       not null references feed_item (id) on delete cascade,
    read_at   timestamptz  not null default now(),
    primary key (user_name, item_id)
);

-- What the feeds and webhook filters need to know of each incident.
create table incident_route (
    incident_id uuid primary key,
    title       text,
    category    varchar(40),
    priority    varchar(2),
    team        varchar(100),
    assignee    varchar(100)
);

create table webhook (
    id          uuid         primary key,
    name        varchar(80)  not null unique,
    url         text         not null,
    secret      text         not null,
    categories  text[]       not null default '{}',
    priorities  text[]       not null default '{}',
    teams       text[]       not null default '{}',
    event_types text[]       not null default '{}',
    created_by  text,
    created_at  timestamptz  not null default now()
);

-- One delivery per subscription and event; its id is the idempotency id receivers see.
create table webhook_delivery (
    id              uuid         primary key,
    webhook_id      uuid         not null references webhook (id) on delete cascade,
    event_id        uuid         not null,
    incident_id     uuid         not null,
    event_type      varchar(100) not null,
    payload         bytea        not null,
    status          varchar(12)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';

-- The delivery log: every attempt.
create table webhook_attempt (
    delivery_id uuid        not null references webhook_delivery (id) on delete cascade,
    attempt     integer     not null,
    started_at  timestamptz not null,
    duration_ms bigint      not null,
    status      integer,
    error       text,
    primary key (delivery_id, attempt)
);

-- outbox and outbox_stream come from service-kit (dev.incidentloop.kit.schema), migrated before these scripts.
