#!/usr/bin/env bash
# Soak test with a database outage: `./build/soak.sh [--duration SECONDS] [--clients N]`.
#
# Starts a throwaway PostgreSQL and the API (Release, migrations on start, rate limit out of the way), seeds one position
# and one open selection per client through the API, then for --duration seconds (default 60) drives --clients (default
# 64) concurrent HTTP clients on loopback (build/soak, a small C# console program, not in MeritApi.sln) with a realistic
# mix: register employees, post competency assessments, put SKP ratings, enrol candidates, run scoring (hr-system token)
# and read shortlists (committee token). Every write carries a unique Idempotency-Key (sent as X-Request-Id too) and is
# retried with the same key on 503, 429, timeouts and connection errors until acknowledged or the run ends. Halfway
# through, PostgreSQL is stopped with `pg_ctl stop -m immediate` for 10 s and started again.
# Then it checks against the database that every write acknowledged with a 2xx is stored exactly once (its row and its
# one audit entry), that nothing is stored twice, that no scoring run is partial and that the audit chain verifies
# (GET /api/v1/audit/verification as an auditor), and prints: requests sent, 2xx, 503, other statuses, acknowledged
# writes found / missing / duplicated. Exits non-zero if any acknowledged write is missing or duplicated, or any 5xx
# other than 503 was answered. Everything it starts is stopped on exit, Ctrl-C included.
#   --duration SECONDS  length of the load (default 60; the outage is centred in it)
#   --clients N         concurrent clients (default 64)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRIPT=soak.sh
# shellcheck source-path=SCRIPTDIR source=lib/postgres.sh
source build/lib/postgres.sh

start=$SECONDS
dotnet_quiet

duration=60 clients=64
readonly outage_seconds=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration)
      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --duration needs a whole number of seconds" >&2; exit 2; }
      duration=$2; shift 2 ;;
    --clients)
      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --clients needs a whole number" >&2; exit 2; }
      clients=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
# The outage sits in the middle of the load (for a load shorter than the outage, it starts at once).
outage_at=$(( duration > outage_seconds ? (duration - outage_seconds) / 2 : 0 ))

# ---------------------------------------------------------------------------------------------- cleanup
work='' pgdata='' api_pid=''


cleanup() {
  stop_process "$api_pid"; api_pid=''
  if [[ -n "$work" ]]; then
    pg_stop_cluster "$pgdata" || true
    rm -rf "$work"
    work=''
  fi
}

# ---------------------------------------------------------------------------------------------- tools and builds
ensure_command curl curl || die "curl is needed"
ensure_command openssl openssl || die "openssl is needed by build/token.sh"
pg_ensure_binaries

work=$(mktemp -d "${TMPDIR:-/tmp}/meritapi-soak.XXXXXX")
pgdata=$work/pgdata
on_exit_cleanup cleanup "$work/api.log"

# Both builds at once: they share no project, and the machine's cores are better used than by two builds in a row.
log "building the API and the load driver (Release)"
dotnet build src/MeritApi.Api -c Release -nologo >"$work/build-api.log" 2>&1 &
build_api=$!
dotnet build build/soak -c Release -nologo >"$work/build-soak.log" 2>&1 &
build_soak=$!
wait "$build_api" || { tail -n 40 "$work/build-api.log" >&2; die "build of the API failed"; }
wait "$build_soak" || { tail -n 40 "$work/build-soak.log" >&2; die "build of build/soak failed"; }
api_dll=src/MeritApi.Api/bin/Release/net10.0/MeritApi.Api.dll
soak_dll=build/soak/bin/Release/net10.0/Soak.dll

# ---------------------------------------------------------------------------------------------- PostgreSQL
# Durable (no --fast): the outage is a crash (pg_ctl stop -m immediate), and with synchronous_commit off, as the test
# clusters run, PostgreSQL acknowledges commits whose WAL is still in shared memory, so a crash loses the last ones.
# The first soak runs found exactly that (an acknowledged enrolment gone after the restart); fsync stays on as well.
pg_start_throwaway "$work" 55633 || die "could not start PostgreSQL"
pg_port=$PG_PORT
# The roles as production has them: soak_owner migrates, the API connects as soak_app (no superuser, owns nothing).
pg_provision "$pg_port" soak || die "could not set up the database"
connection_string=$MERITAPI_RUNTIME_CS
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throwaway, $pgdata)"

# What the driver runs for the outage: an immediate stop (every backend killed mid-transaction, crash recovery on start),
# then a start with the cluster's own options (port, fsync off, ...).
datadir=$(cd "$pgdata" && pwd -P)
cat >"$work/db-stop.sh" <<EOF
source '$PWD/build/lib/postgres.sh'
PG_BIN='$PG_BIN'
pg__as_owner "\$PG_BIN/pg_ctl" -D '$datadir' -m immediate -w stop >/dev/null
EOF
cat >"$work/db-start.sh" <<EOF
source '$PWD/build/lib/postgres.sh'
PG_BIN='$PG_BIN'
pg_start_cluster '$datadir' '$pg_port'
EOF

# ---------------------------------------------------------------------------------------------- the API
api_port=$(pg_free_port 5380)
api=http://127.0.0.1:$api_port
log "starting the API on $api"
# From its output folder: the content root (appsettings*.json, with the development signing key that build/token.sh
# uses) is the current directory.
(cd "$(dirname "$api_dll")" && ConnectionStrings__MeritDbOwner=$MERITAPI_OWNER_CS ConnectionStrings__MeritDb=$connection_string \
  dotnet "$(basename "$api_dll")" migrate) >"$work/migrate.log" 2>&1 || { tail -n 40 "$work/migrate.log" >&2; die "migration failed"; }
(cd "$(dirname "$api_dll")" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$api ConnectionStrings__MeritDb=$connection_string \
  DemoData__Seed=false RateLimit__PermitsPerMinute=100000000 Logging__LogLevel__Default=Warning \
  exec dotnet "$(basename "$api_dll")") >"$work/api.log" 2>&1 &
api_pid=$!
wait_ready "$api/health/ready" "$api_pid" API || die "start-up failed"

# ---------------------------------------------------------------------------------------------- seed and load
SOAK_HR_TOKEN=$(./build/token.sh hr-system --subject soak-hr)
SOAK_AUDITOR_TOKEN=$(./build/token.sh auditor --subject soak-auditor)
SOAK_DB=$connection_string
export SOAK_HR_TOKEN SOAK_AUDITOR_TOKEN SOAK_DB
dotnet "$soak_dll" seed --api "$api" --clients "$clients" --out "$work/selections.txt"
selection_args=()
while IFS= read -r id; do selection_args+=(--selection "$id"); done <"$work/selections.txt"
SOAK_COMMITTEE_TOKEN=$(./build/token.sh committee --subject soak-committee "${selection_args[@]}")
export SOAK_COMMITTEE_TOKEN

rc=0
dotnet "$soak_dll" run --api "$api" --selections "$work/selections.txt" --clients "$clients" --duration "$duration" \
  --outage-at "$outage_at" --outage-seconds "$outage_seconds" --stop-command "$work/db-stop.sh" --start-command "$work/db-start.sh" || rc=$?

# The API's own account: 503s it mapped, and unhandled errors (500s) it logged. (EF's "fail:" lines about refused
# connections during the outage are the database's absence, already counted as 503s.)
handler='MeritApi.Api.Infrastructure.ApiExceptionHandler'
errors=$(grep -c "fail: $handler" "$work/api.log" || true)
echo "API log: $(grep -c "warn: $handler" "$work/api.log" || true) requests answered 503 by the exception handler, $errors unhandled errors"
if ((errors > 0)); then
  grep -A 12 "fail: $handler" "$work/api.log" | head -n 60 >&2
  rc=1
fi
echo "soak.sh: finished in $((SECONDS - start)) s"
exit "$rc"
