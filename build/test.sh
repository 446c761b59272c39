#!/usr/bin/env bash
# Runs the whole test suite: `./build/test.sh [extra dotnet test args]`.
# First checks the formatting (`dotnet format --verify-no-changes`, the rules of .editorconfig), installs what the
# suite needs when it is missing (Debian's chromium for the browser tests, npm and the OpenAPI checks of
# build/openapi with `npm ci`), then runs `dotnet test MeritApi.sln -c Release`. Without a Docker engine
# (Testcontainers' default), it starts a throwaway PostgreSQL on 127.0.0.1 and hands it to the tests via
# MERITAPI_TEST_POSTGRES. The exit code is dotnet test's (or the format check's); the last line sums the TRX results
# of every test assembly: "N passed, N failed, N skipped".
# MERITAPI_SKIP_FORMAT=1 skips the format check (for a quick local run; CI never sets it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRIPT=test.sh
# shellcheck source-path=SCRIPTDIR source=lib/postgres.sh
source build/lib/postgres.sh

start=$SECONDS
dotnet_quiet

work=$(mktemp -d "${TMPDIR:-/tmp}/meritapi-test.XXXXXX")
pgdata=$work/pgdata
results=$work/results

# Idempotent: called explicitly before the summary (so the summary stays the last line) and again on exit.
cleanup() {
  if [[ -n "${work:-}" ]]; then
    pg_stop_cluster "$pgdata" || true
    rm -rf "$work"
    work=
  fi
}
on_exit_cleanup cleanup

if [[ "${MERITAPI_SKIP_FORMAT:-0}" != 1 ]]; then
  log "dotnet format --verify-no-changes (the rules of .editorconfig)"
  dotnet format MeritApi.sln --verify-no-changes || die "the code is not formatted as .editorconfig says: run 'dotnet format MeritApi.sln'"
fi

# The committees' pictures and printable page are tested in a real browser.
ensure_command chromium chromium || die "could not install chromium (the browser tests need it)"
# The OpenAPI document is linted (Spectral) and compiled into TypeScript types (openapi-typescript, tsc) in the run.
ensure_command npm npm || die "could not install npm (the OpenAPI checks need it)"
if [[ ! -x build/openapi/node_modules/.bin/spectral || build/openapi/package-lock.json -nt build/openapi/node_modules/.package-lock.json ]]; then
  log "installing the OpenAPI checks (npm ci in build/openapi)"
  npm ci --prefix build/openapi --no-audit --no-fund --ignore-scripts >&2 || die "npm ci in build/openapi failed"
fi

if [[ -n "${MERITAPI_TEST_POSTGRES:-}" ]]; then
  log "using MERITAPI_TEST_POSTGRES from the environment"
elif docker_engine_available; then
  log "Docker engine available; tests will start PostgreSQL with Testcontainers"
else
  pg_ensure_binaries
  pg_start_throwaway "$work" 55433 --fast || die "could not start PostgreSQL"
  MERITAPI_TEST_POSTGRES=$(pg_connection_string "$PG_PORT" postgres)
  export MERITAPI_TEST_POSTGRES
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (throwaway, $pgdata)"
fi

set +e
dotnet test MeritApi.sln -c Release --results-directory "$results" "$@"
rc=$?
set -e

# The counters of every assembly's TRX file (<Counters total=".." passed=".." failed=".." notExecuted=".." ...>).
passed=0 failed=0 skipped=0
counter() { sed -n "s/.*<Counters [^>]*\\b$1=\"\\([0-9]*\\)\".*/\\1/p" "$2" | head -n 1; }
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  passed=$((passed + $(counter passed "$trx")))
  failed=$((failed + $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  skipped=$((skipped + $(counter notExecuted "$trx")))
done

cleanup
log "dotnet test exited with $rc; finished in $((SECONDS - start)) s"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
