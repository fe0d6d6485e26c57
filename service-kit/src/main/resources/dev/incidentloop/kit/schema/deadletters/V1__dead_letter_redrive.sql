-- Dead letters an admin had processed again (dev.incidentloop.kit.deadletter): listed as redriven, and not taken
-- twice.
create table if not exists dead_letter_redrive (
    dead_letter_topic     text        not null,
    dead_letter_partition integer     not null,
    dead_letter_offset    bigint      not null,
    redriven_at           timestamptz not null default now(),
    redriven_by           text        not null,
    primary key (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
