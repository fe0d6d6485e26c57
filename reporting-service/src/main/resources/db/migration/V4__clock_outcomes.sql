-- escalation-service now says when a clock pauses and whether it was met when it stopped; obligations are counted.
alter table incident_fact
    add column response_paused      boolean not null default false,
    add column response_met         boolean,
    add column resolution_paused    boolean not null default false,
    add column resolution_met       boolean,
    add column regulatory_missed    integer not null default 0;
