-- The replay of the read model, one at a time across the instances of the service: which run holds it, where it
-- stands (every instance answers GET /admin/replay from here) and when its instance last said so. A run whose
-- instance has been silent for longer than reporting.replay.abandoned-after counts as abandoned. One row, always.
create table replay_run (
    id                smallint         primary key default 1 check (id = 1),
    run_id            uuid,
    state             varchar(10)      not null,
    events_done       bigint           not null default 0,
    events_total      bigint           not null default 0,
    events_per_second double precision not null default 0,
    seconds_left      double precision,
    started_at        timestamptz,
    finished_at       timestamptz,
    error             text,
    heartbeat_at      timestamptz
);
insert into replay_run (state) values ('IDLE');
