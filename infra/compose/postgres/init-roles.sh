#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# Creates one role per system and the Zorgroute database; Temporal's role creates its own two databases
# (temporal, temporal_visibility) through temporal-sql-tool in the temporal-schema job. Zorgroute has two roles
# (docs/operations.md "Database roles"): the owner (runs the migrations, owns the tables) and the application role
# (api, worker), which the migrations grant only INSERT and SELECT on the audit tables.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v temporal_user="$TEMPORAL_DB_USER" -v temporal_password="$TEMPORAL_DB_PASSWORD" \
  -v owner_user="$ZORGROUTE_DB_USER" -v owner_password="$ZORGROUTE_DB_PASSWORD" \
  -v app_user="$ZORGROUTE_APP_DB_USER" -v app_password="$ZORGROUTE_APP_DB_PASSWORD" -v app_db="$ZORGROUTE_DB_NAME" <<'SQL'
-- Temporal: may create databases (temporal-sql-tool create-database); owns them and their schemas.
CREATE ROLE :"temporal_user" LOGIN CREATEDB PASSWORD :'temporal_password';
-- Zorgroute's owner: owns its database; the migrations create its tables (no superuser rights needed).
CREATE ROLE :"owner_user" LOGIN PASSWORD :'owner_password';
-- Zorgroute's application role: nothing of its own; migrate.js grants it its privileges after every run.
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"owner_user" ENCODING 'UTF8';
-- Only Zorgroute's roles may connect to its database.
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"app_db" TO :"owner_user", :"app_user";
SQL
