-- One database per service; no table is shared.
create database incident_service;
create database escalation_service;
create database notification_service;
create database reporting_service;
