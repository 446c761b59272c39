#!/usr/bin/env bash
# Runs the API with demo data on http://127.0.0.1:5080 against a project-local
# PostgreSQL cluster in <repo>/.pgdata (kept between runs: it is the dev DB).
#   ./build/run.sh [extra dotnet run args]   start DB if needed, run the API
#   ./build/run.sh --stop-db                 stop the project-local cluster
# Env: MERITAPI_PG_PORT (default 55432), MERITAPI_URLS (default
# http://127.0.0.1:5080).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd -P)
SCRIPT=run.sh
# shellcheck source-path=SCRIPTDIR source=lib/postgres.sh
source build/lib/postgres.sh

pgdata=$repo/.pgdata

if [[ "${1:-}" == --stop-db ]]; then
  if [[ -f "$pgdata/PG_VERSION" ]] && pg_is_running "$pgdata"; then
    pg_stop_cluster "$pgdata"
    echo "run.sh: stopped the PostgreSQL cluster in $pgdata"
  else
    echo "run.sh: no PostgreSQL cluster running in $pgdata"
  fi
  exit 0
fi

pg_ensure_binaries

if pg_is_running "$pgdata"; then
  # Reuse it on whatever port it was started with.
  port=$(pg_cluster_port "$pgdata")
  echo "run.sh: reusing PostgreSQL in $pgdata on 127.0.0.1:$port"
else
  port=${MERITAPI_PG_PORT:-55432}
  if pg_port_busy "$port"; then
    echo "run.sh: 127.0.0.1:$port is taken by another process; set MERITAPI_PG_PORT to a free port" >&2
    exit 1
  fi
  # No --fast: this cluster holds dev data across runs, so fsync stays on.
  pg_start_cluster "$pgdata" "$port"
  echo "run.sh: started PostgreSQL in $pgdata on 127.0.0.1:$port"
fi

# The database and its two roles (build/db/provision.sql): meritapi_owner owns the schema and runs the migrations,
# meritapi_app is what the API connects as (no superuser, owns nothing, INSERT and SELECT only on the append-only
# tables). An older .pgdata, migrated as the superuser, has its tables handed to the owner here.
pg_provision "$port" meritapi
echo "run.sh: database meritapi on 127.0.0.1:$port (owner meritapi_owner, API role meritapi_app)"

urls=${MERITAPI_URLS:-http://127.0.0.1:5080}
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS=$urls
export ConnectionStrings__MeritDb=$MERITAPI_RUNTIME_CS
export DemoData__Seed=true
: "${DOTNET_NOLOGO:=1}" "${DOTNET_CLI_TELEMETRY_OPTOUT:=1}"
export DOTNET_NOLOGO DOTNET_CLI_TELEMETRY_OPTOUT

dotnet build src/MeritApi.Api -c Release -nologo -v quiet
# The migration step, as the owner, before the API starts (the API never migrates with its own role).
ConnectionStrings__MeritDbOwner=$MERITAPI_OWNER_CS dotnet run --project src/MeritApi.Api -c Release --no-build --no-launch-profile -- migrate

# Development tokens (12 h) for each role, to paste into Swagger's Authorize box. The committee token may see the
# two demo selections, whose ids are fixed by the demo data set.
demo_selections=(0196a000-0000-7000-8000-000000000001 0196a000-0000-7000-8000-000000000002)
echo "run.sh: development bearer tokens (paste into Swagger's Authorize box; mint more with ./build/token.sh):"
for role in hr-system committee auditor admin talent-committee; do
  if [[ $role == committee ]]; then
    token=$(./build/token.sh "$role" --selection "${demo_selections[0]}" --selection "${demo_selections[1]}")
  else
    token=$(./build/token.sh "$role")
  fi
  printf '  %-10s %s\n' "$role" "$token"
done
echo "run.sh: demo selections: promotion ${demo_selections[0]}, placement ${demo_selections[1]}"

# First URL, with a wildcard host shown as the loopback address to browse to.
browse=$(sed -E 's#//(\+|\*|0\.0\.0\.0)([:/]|$)#//127.0.0.1\2#' <<<"${urls%%;*}")
echo "run.sh: Swagger UI: $browse/swagger"
echo "run.sh: the database keeps running after the API stops (Ctrl+C); stop it with ./build/run.sh --stop-db"
exec dotnet run --project src/MeritApi.Api -c Release --no-build --no-launch-profile "$@"
