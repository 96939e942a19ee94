#!/bin/sh
# Runs once, when the database volume is created: the service's runtime role. The image's POSTGRES_USER (riskmap)
# owns the schema and runs the migrations; the service connects as riskmap_app, which may read and write the data but
# cannot alter the tables or the audit log (see src/RiskMap.Data/Schema/runtime_grants.sql).
set -eu
psql -v ON_ERROR_STOP=1 -v apppw="$RISKMAP_APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE riskmap_runtime NOLOGIN;
CREATE ROLE riskmap_app LOGIN PASSWORD :'apppw' IN ROLE riskmap_runtime;
GRANT riskmap_runtime TO riskmap;
ALTER ROLE riskmap_app SET role = 'riskmap_runtime';
SQL
