-- Two clocks per incident (response and resolution) instead of the response clock alone.
create table sla_clock (
    incident_id    uuid        not null,
    clock          varchar(12) not null,
    priority       varchar(2)  not null,
    started_at     timestamptz not null,
    target_seconds bigint      not null,
    due_at         timestamptz not null,
    stopped_at     timestamptz,
    breached_at    timestamptz,
    primary key (incident_id, clock)
);
insert into sla_clock (incident_id, clock, priority, started_at, target_seconds, due_at, stopped_at, breached_at)
select incident_id, 'response', priority, started_at, target_seconds, due_at, stopped_at, escalated_at
from response_clock;
drop table response_clock;

update scheduled_tasks set task_name = 'sla-deadline', task_instance = task_instance || ':response'
where task_name = 'response-deadline';

-- The last sequence number this service gave an event of each incident's escalation stream. The first release
-- published at most one event per incident, with sequence 0.
create table escalation_stream (
    incident_id   uuid   primary key,
    last_sequence bigint not null
);
insert into escalation_stream (incident_id, last_sequence)
select incident_id, 0 from sla_clock where breached_at is not null;
