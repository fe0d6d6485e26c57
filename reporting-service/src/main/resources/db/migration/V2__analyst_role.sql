-- Analysts query the read model with SQL under a role that can read and nothing else. Logins are granted it, e.g.
--   create role alice login password '...' in role reporting_analyst;
-- Default privileges cover the tables a replay creates and swaps in. A database user that may not create roles
-- leaves this to its DBA (the service still starts; PostgreSQL logs the notice).
do $$
begin
    if not exists (select from pg_roles where rolname = 'reporting_analyst') then
        create role reporting_analyst nologin;
    end if;
    grant usage on schema public to reporting_analyst;
    grant select on incident_sla, processed_event to reporting_analyst;
    alter default privileges in schema public grant select on tables to reporting_analyst;
exception when insufficient_privilege then
    raise notice 'reporting_analyst not set up: this user may not create roles; run V2__analyst_role.sql as a DBA';
end
$$;
