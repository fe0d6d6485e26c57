-- Which incident an alert (source, dedup key) opened. "open" turns false once intake learns that the incident was
-- resolved, closed or canceled; the next trigger for the key then opens a new incident.
create table intake_dedup (
    source          varchar(100) not null,
    dedup_key       varchar(255) not null,
    incident_id     uuid         not null,
    first_report_id varchar(200) not null,
    open            boolean      not null,
    primary key (source, dedup_key)
);
