-- The read model grows from SLA timestamps to every fact the KPIs need. Rows kept so far keep what they had; the
-- new columns of existing incidents fill in with a replay (POST /admin/replay).
alter table incident_sla rename to incident_fact;
alter index incident_sla_reported_at rename to incident_fact_reported_at;
alter table incident_fact rename column escalations to escalation_count;
alter table incident_fact rename column resolved_at to first_resolved_at;
alter table incident_fact rename column acknowledged_at to first_acknowledged_at;
alter table incident_fact
    add column grade                     varchar(40),
    add column team                      varchar(100),
    add column support_line              varchar(10),
    add column resolved_line             varchar(10),
    add column last_resolved_at          timestamptz,
    add column canceled_at               timestamptz,
    add column last_reopened_at          timestamptz,
    add column reopen_count              integer not null default 0,
    add column reassignment_count        integer not null default 0,
    add column satisfaction              smallint,
    add column response_target_seconds   bigint,
    add column response_due_at           timestamptz,
    add column response_deadline_set_at  timestamptz,
    add column response_breached         boolean not null default false,
    add column resolution_target_seconds bigint,
    add column resolution_due_at         timestamptz,
    add column resolution_deadline_set_at timestamptz,
    add column resolution_breached       boolean not null default false;
