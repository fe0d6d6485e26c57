-- The search read model, kept by the incident-search processor (its token lives in tokenentry, same transaction).
create table incident_summary (
    incident_id      uuid         primary key,
    title            varchar(200) not null,
    description      text,
    category         varchar(40)  not null,
    priority         varchar(2),
    state            varchar(20)  not null,
    assignment_group varchar(100),
    assignee         varchar(100),
    support_line     varchar(10),
    reported_by      varchar(200) not null,
    reported_at      timestamptz  not null,
    resolved_at      timestamptz,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index incident_summary_state on incident_summary (state, resolved_at);
create index incident_summary_reported_at on incident_summary (reported_at desc);
create index incident_summary_group on incident_summary (assignment_group);
