#!/bin/sh
# One-shot job: create Temporal's two databases and bring their schemas to the version of the server, with
# Temporal's own tool. Idempotent: run it at every deployment and before every server upgrade.
# Used by docker-compose.yml (temporalio/admin-tools image) and by infra/production-check/run.mjs (a
# temporal-sql-tool built from go.temporal.io/server, on PATH).
# Connection: SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD (read by temporal-sql-tool itself).
set -eu
: "${SQL_HOST:?SQL_HOST is not set}" "${SQL_USER:?SQL_USER is not set}"
SCHEMA_DIR=${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
for db in "${TEMPORAL_DB:-temporal}:temporal" "${TEMPORAL_VISIBILITY_DB:-temporal_visibility}:visibility"; do
  name=${db%%:*}
  dir=${db##*:}
  echo "== ${name}: create-database, setup-schema -v 0.0, update-schema -d ${SCHEMA_DIR}/${dir}/versioned"
  temporal-sql-tool --plugin postgres12 --db "$name" create-database
  temporal-sql-tool --plugin postgres12 --db "$name" setup-schema -v 0.0
  temporal-sql-tool --plugin postgres12 --db "$name" update-schema -d "${SCHEMA_DIR}/${dir}/versioned"
done
