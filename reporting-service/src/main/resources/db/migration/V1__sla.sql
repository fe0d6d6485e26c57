-- processed_event comes from service-kit (dev.incidentloop.kit.schema), migrated before these scripts.

-- One row per incident; columns fill in as its events arrive, in whatever order the two topics deliver them.
create table incident_sla (
    incident_id     uuid        primary key,
    category        varchar(40),
    priority        varchar(2),
    reported_at     timestamptz,
    acknowledged_at timestamptz,
    resolved_at     timestamptz,
    closed_at       timestamptz,
    escalations     integer     not null default 0
);
create index incident_sla_reported_at on incident_sla (reported_at);
