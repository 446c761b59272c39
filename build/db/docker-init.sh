#!/usr/bin/env bash
# docker-compose: runs once, when the postgres image initialises its data directory, as the image's superuser.
# Creates the owner and runtime roles and the meritapi database owned by the owner (build/db/provision.sql).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v db="${MERITAPI_DB:-meritapi}" \
  -v owner="${MERITAPI_OWNER:-meritapi_owner}" -v owner_password="${MERITAPI_OWNER_PASSWORD:?}" \
  -v runtime="${MERITAPI_RUNTIME:-meritapi_app}" -v runtime_password="${MERITAPI_RUNTIME_PASSWORD:?}" \
  -f /meritapi-db/provision.sql
