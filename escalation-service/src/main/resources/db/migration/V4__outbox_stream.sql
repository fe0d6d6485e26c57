-- The outbox now comes from service-kit, which numbers each incident's events in a table of its own name.
alter table escalation_stream rename to outbox_stream;
