-- What kind of security report an incident is (an incident, an event or a weakness: only incidents carry the
-- procedure's reporting deadlines), and since when it has been of its category (a reclassification into a category
-- starts that category's receipt deadlines).
alter table tracked_incident
    add column security_kind  varchar(12),
    add column category_since timestamptz;
update tracked_incident set category_since = coalesce(reported_at, classified_at);

-- The resolution an incident's reporter has yet to confirm: set when it is resolved, cleared when the resolution is
-- confirmed, rejected, or the incident reopened, closed or canceled. Its confirmation period is a db-scheduler task.
alter table tracked_incident add column awaiting_confirmation_since timestamptz;
