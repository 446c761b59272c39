#!/usr/bin/env bash
# Runs the whole test suite: `./build/test.sh [extra dotnet test args]`.
# Without a Docker engine (Testcontainers' default), starts a throwaway
# PostgreSQL on 127.0.0.1 and hands it to the tests via MERITAPI_TEST_POSTGRES.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source-path=SCRIPTDIR source=lib/postgres.sh
source build/lib/postgres.sh

start=$SECONDS
: "${DOTNET_NOLOGO:=1}" "${DOTNET_CLI_TELEMETRY_OPTOUT:=1}"
export DOTNET_NOLOGO DOTNET_CLI_TELEMETRY_OPTOUT

work=$(mktemp -d "${TMPDIR:-/tmp}/meritapi-test.XXXXXX")
pgdata=$work/pgdata

# Idempotent: called explicitly before the summary (so the summary stays the
# last line) and again by the EXIT trap on failure or interruption.
cleanup() {
  if [[ -n "${work:-}" ]]; then
    pg_stop_cluster "$pgdata" || true
    rm -rf "$work"
    work=
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n "${MERITAPI_TEST_POSTGRES:-}" ]]; then
  echo "test.sh: using MERITAPI_TEST_POSTGRES from the environment"
elif docker_engine_available; then
  echo "test.sh: Docker engine available; tests will start PostgreSQL with Testcontainers"
else
  pg_ensure_binaries
  pg_start_throwaway "$work" 55433 --fast || { echo "test.sh: could not start PostgreSQL" >&2; exit 1; }
  port=$PG_PORT
  MERITAPI_TEST_POSTGRES=$(pg_connection_string "$port" postgres)
  export MERITAPI_TEST_POSTGRES
  echo "test.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $pgdata)"
fi

log=$work/dotnet-test.log
set +e
dotnet test MeritApi.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# Sum the per-assembly results. VSTest prints either
#   "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, ..."
# (minimal verbosity) or, at normal verbosity, a block
#   "Total tests: 42" / "     Passed: 42" / "     Failed: 1" / "    Skipped: 1" /
#   " Total time: ..." (zero counts omitted). Blocks may interleave, so track
#   how many are open rather than resetting.
summary=$(tr -d '\r' <"$log" | awk '
  function num(line, key,   t) { t = line; if (!sub(".*" key " *", "", t)) return 0; return t + 0 }
  /^ *(Passed|Failed)! +- Failed: / {
    mf += num($0, "- Failed:"); mp += num($0, ", Passed:"); ms += num($0, ", Skipped:"); mini = 1; next
  }
  /^ *Total tests: *[0-9]+/ { open++; blocks = 1; next }
  open > 0 && /^ *Passed: *[0-9]+ *$/  { bp += num($0, "Passed:"); next }
  open > 0 && /^ *Failed: *[0-9]+ *$/  { bf += num($0, "Failed:"); next }
  open > 0 && /^ *Skipped: *[0-9]+ *$/ { bs += num($0, "Skipped:"); next }
  open > 0 && /^ *Total time:/ { open--; next }
  END {
    if (mini) printf "%d passed, %d failed, %d skipped\n", mp, mf, ms
    else if (blocks) printf "%d passed, %d failed, %d skipped\n", bp, bf, bs
  }' || true)

cleanup
echo "test.sh: dotnet test exited with $rc; finished in $((SECONDS - start)) s"
if [[ -n "$summary" ]]; then echo "$summary"; fi
exit "$rc"
