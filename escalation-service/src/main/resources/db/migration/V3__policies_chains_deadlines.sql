-- Calendars, escalation policies and on-call schedules, as JSON documents managed over the admin API.
create table policy_document (
    kind       varchar(20)  not null,
    name       varchar(80)  not null,
    body       text         not null,
    updated_by text,
    updated_at timestamptz  not null default now(),
    primary key (kind, name)
);

-- What this service knows of each incident from the incident stream.
create table tracked_incident (
    incident_id   uuid primary key,
    category      varchar(40),
    priority      varchar(2),
    major         boolean not null default false,
    ehs_level     integer,
    team          varchar(100),
    reported_at   timestamptz,
    detected_at   timestamptz,
    classified_at timestamptz,
    done_at       timestamptz
);

-- Clocks now count working time on a calendar and pause; the target and calendar are kept as they were when the
-- clock started.
alter table sla_clock
    add column target        text,
    add column calendar      text,
    add column warning_share double precision,
    add column consumed_ms   bigint not null default 0,
    add column running_since timestamptz,
    add column warned_at     timestamptz,
    add column met           boolean;
update sla_clock set target = target_seconds || ' seconds',
                     running_since = case when stopped_at is null and breached_at is null then started_at end;
alter table sla_clock alter column target set not null;

-- One escalation chain of each kind per incident, and the step it takes next.
create table chain_run (
    incident_id uuid        not null,
    kind        varchar(12) not null,
    reason      varchar(20) not null,
    stop_on     varchar(12) not null,
    target_ms   bigint,
    started_at  timestamptz not null,
    next_level  integer     not null,
    next_repeat integer     not null,
    next_at     timestamptz,
    stopped_at  timestamptz,
    primary key (incident_id, kind)
);

-- Reporting obligations of the procedures, per incident.
create table regulatory_deadline (
    incident_id  uuid        not null,
    name         varchar(60) not null,
    reference_at timestamptz not null,
    due_at       timestamptz not null,
    fulfilled_at timestamptz,
    fulfilled_by text,
    note         text,
    missed_at    timestamptz,
    primary key (incident_id, name)
);
