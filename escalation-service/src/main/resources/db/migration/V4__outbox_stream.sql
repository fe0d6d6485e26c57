-- The outbox now comes from service-kit, which numbers each incident's events in outbox_stream (created by the
-- kit's own migration before these scripts): the numbers given so far move there.
insert into outbox_stream (incident_id, last_sequence)
select incident_id, last_sequence from escalation_stream
on conflict (incident_id) do update set last_sequence = greatest(outbox_stream.last_sequence, excluded.last_sequence);
drop table escalation_stream;
