# shellcheck shell=bash
# Helpers to run a private PostgreSQL cluster on 127.0.0.1 for tests and
# local development, without Docker. Source this file; it defines functions
# only and changes no shell options (the callers use `set -euo pipefail`).
#
#   pg_ensure_binaries                 -> sets/exports PG_BIN
#   pg_free_port [start]               -> prints a free port on 127.0.0.1
#   pg_port_busy PORT                  -> true if 127.0.0.1:PORT accepts connections
#   pg_ensure_os_user                  -> as root: create the `postgres` user
#   pg_start_cluster DATADIR PORT [--fast]
#   pg_stop_cluster DATADIR
#   pg_is_running DATADIR
#   pg_cluster_port DATADIR            -> port of a running cluster
#   pg_connection_string PORT [DBNAME] [ROLE] -> Npgsql connection string
#   pg_provision PORT DBNAME           -> the database and its owner and runtime roles (build/db/provision.sql);
#                                         sets MERITAPI_OWNER_CS and MERITAPI_RUNTIME_CS
#   docker_engine_available

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

pg__log() { printf 'postgres.sh: %s\n' "$*" >&2; }

# A directory counts only if it has every tool the scripts call.
pg__bin_dir_ok() {
  local d=$1 tool
  for tool in initdb pg_ctl pg_isready psql postgres; do
    [[ -x "$d/$tool" ]] || return 1
  done
}

# Highest installed major version wins (sort -V), then whatever is on PATH
# (resolved through symlinks, e.g. /usr/local/bin/initdb -> .../15/bin).
pg__find_bin_dir() {
  local d initdb
  while IFS= read -r d; do
    if pg__bin_dir_ok "$d"; then printf '%s\n' "$d"; return 0; fi
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -rV)
  if initdb=$(command -v initdb 2>/dev/null); then
    d=$(dirname "$(readlink -f "$initdb")")
    if pg__bin_dir_ok "$d"; then printf '%s\n' "$d"; return 0; fi
  fi
  return 1
}

pg_ensure_binaries() {
  if [[ -n "${PG_BIN:-}" ]] && pg__bin_dir_ok "$PG_BIN"; then
    export PG_BIN
    return 0
  fi
  local dir
  if ! dir=$(pg__find_bin_dir); then
    # Fresh Debian machine (e.g. a new CI box): install the server package.
    pg__log "PostgreSQL binaries not found; installing the Debian 'postgresql' package"
    apt_install postgresql || return 1
    dir=$(pg__find_bin_dir) || { pg__log "postgresql installed but no initdb/pg_ctl found under /usr/lib/postgresql/*/bin"; return 1; }
  fi
  PG_BIN=$dir
  export PG_BIN
}

# Lazily resolve PG_BIN so the cluster helpers work on their own too.
pg__need_bin() {
  if [[ -z "${PG_BIN:-}" ]]; then pg_ensure_binaries; fi
}

# initdb/pg_ctl/postgres refuse to run as root: as root they run as the
# `postgres` OS user (created if missing). cd / so an unreadable cwd such
# as /root does not produce warnings or errors for that user.
pg__as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_ensure_os_user() {
  [[ $EUID -eq 0 ]] || return 0
  id -u postgres >/dev/null 2>&1 && return 0
  pg__log "creating system user 'postgres'"
  if getent group postgres >/dev/null 2>&1; then
    useradd --system --gid postgres --no-create-home --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  else
    useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
}

# Probe with bash's /dev/tcp: a successful connect means something listens.
# timeout guards against a filtered port hanging the connect.
pg_port_busy() {
  local rc=0
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash, on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null || rc=$?
  # 0 = connected (busy); 124 = timed out (treat as busy); else refused (free).
  [[ $rc -eq 0 || $rc -eq 124 ]]
}

pg_free_port() {
  local port=${1:-55433} last
  last=$((port + 1000))
  while ((port <= last && port <= 65535)); do
    if ! pg_port_busy "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
    port=$((port + 1))
  done
  pg__log "no free TCP port on 127.0.0.1 in ${1:-55433}..$last"
  return 1
}

# pg_start_cluster DATADIR PORT [--fast]
# --fast: throwaway cluster, durability off (fsync, synchronous_commit,
# full_page_writes); a persistent dev cluster omits it and keeps fsync on.
# PG_SETTINGS (optional): more server settings, e.g. "-c shared_buffers=2GB".
pg_start_cluster() {
  local datadir=${1:?usage: pg_start_cluster DATADIR PORT [--fast]}
  local port=${2:?usage: pg_start_cluster DATADIR PORT [--fast]}
  local fast=${3:-}
  pg__need_bin
  pg_ensure_os_user

  mkdir -p "$datadir"
  datadir=$(cd "$datadir" && pwd -P)
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$datadir"
    # Every parent must be traversable by the postgres user (not e.g. /root).
    if ! runuser -u postgres -- test -w "$datadir"; then
      pg__log "user 'postgres' cannot reach $datadir (a parent directory is not traversable); use another location"
      return 1
    fi
  fi
  chmod 700 "$datadir"

  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    local out initdb_args=(-D "$datadir" -U postgres --auth=trust -E UTF8)
    # --no-sync: nothing to gain from fsyncing a throwaway cluster's files.
    [[ $fast == --fast ]] && initdb_args+=(--no-sync)
    if ! out=$(pg__as_owner "$PG_BIN/initdb" "${initdb_args[@]}" --locale=C.UTF-8 2>&1); then
      # Minimal systems may lack the C.UTF-8 locale; plain C always exists.
      pg__log "initdb with C.UTF-8 failed, retrying with --locale=C"
      if ! out=$(pg__as_owner "$PG_BIN/initdb" "${initdb_args[@]}" --locale=C 2>&1); then
        printf '%s\n' "$out" >&2
        pg__log "initdb failed for $datadir"
        return 1
      fi
    fi
  fi

  if pg_is_running "$datadir"; then
    pg__log "cluster in $datadir is already running"
    return 0
  fi

  # Unix socket lives in the data dir (no clash with a system cluster in
  # /var/run/postgresql); a path past the ~107-byte sun_path limit would be
  # fatal, so then run TCP-only.
  local sockdir=$datadir
  if ((${#datadir} + 20 > 107)); then sockdir=''; fi
  # -o goes through /bin/sh, so single-quote the values (paths).
  local q_sock=${sockdir//\'/\'\\\'\'}
  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c max_connections=300"
  opts+=" -c unix_socket_directories='$q_sock'"
  if [[ $fast == --fast ]]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if [[ -n ${PG_SETTINGS:-} ]]; then opts+=" $PG_SETTINGS"; fi

  local logfile=$datadir/postgresql.log
  if ! pg__as_owner "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 -o "$opts" start >/dev/null; then
    pg__log "pg_ctl start failed (port $port); last lines of $logfile:"
    tail -n 20 "$logfile" >&2 || true
    return 1
  fi

  # pg_ctl -w trusts postmaster.pid; also make sure TCP really answers.
  local i
  for ((i = 0; i < 60; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then return 0; fi
    sleep 0.5
  done
  pg__log "PostgreSQL on 127.0.0.1:$port did not become ready; see $logfile"
  return 1
}

pg_is_running() {
  local datadir=${1:?usage: pg_is_running DATADIR}
  [[ -f "$datadir/PG_VERSION" ]] || return 1
  datadir=$(cd "$datadir" && pwd -P) # pg__as_owner runs from /
  pg__need_bin
  pg__as_owner "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1
}

pg_stop_cluster() {
  local datadir=${1:?usage: pg_stop_cluster DATADIR}
  pg_is_running "$datadir" || return 0
  datadir=$(cd "$datadir" && pwd -P) # pg__as_owner runs from /
  pg__as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# Port of a running cluster: line 4 of postmaster.pid.
pg_cluster_port() {
  local datadir=${1:?usage: pg_cluster_port DATADIR}
  sed -n 4p "$datadir/postmaster.pid" 2>/dev/null
}

# Trust auth ignores the password; it is there so Npgsql never prompts/fails.
pg_connection_string() {
  local port=${1:?usage: pg_connection_string PORT [DBNAME] [ROLE]} db=${2:-postgres} role=${3:-postgres}
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s\n' "$port" "$role" "$role" "$db"
}

# pg_provision PORT DBNAME: as the superuser, the database DBNAME owned by the role DBNAME_owner (which runs the
# migrations) and the role DBNAME_app the API connects as (rows only; see build/db/provision.sql). Idempotent; an old
# database migrated as the superuser has its objects handed to the owner. Sets MERITAPI_OWNER_CS and MERITAPI_RUNTIME_CS.
pg_provision() {
  local port=${1:?usage: pg_provision PORT DBNAME} db=${2:?usage: pg_provision PORT DBNAME}
  local here owner=${2}_owner runtime=${2}_app
  here=$(dirname "${BASH_SOURCE[0]}")
  pg__need_bin
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -v db="$db" -v owner="$owner" -v owner_password="$owner" -v runtime="$runtime" -v runtime_password="$runtime" \
    -f "$here/../db/provision.sql" >/dev/null || { pg__log "could not set up database $db and its roles"; return 1; }
  MERITAPI_OWNER_CS=$(pg_connection_string "$port" "$db" "$owner")
  MERITAPI_RUNTIME_CS=$(pg_connection_string "$port" "$db" "$runtime")
}

# Testcontainers needs a reachable engine, not just the docker CLI.
docker_engine_available() {
  command -v docker >/dev/null 2>&1 || return 1
  timeout -k 2 5 docker info >/dev/null 2>&1
}

# pg_start_throwaway WORKDIR FIRST_PORT [--fast]: a cluster in WORKDIR/pgdata on the first free port from FIRST_PORT
# (retrying later ports if another process takes ours before PostgreSQL binds it); sets PG_PORT. WORKDIR must exist;
# when we are root the cluster runs as `postgres`, which must own the tree.
pg_start_throwaway() {
  local workdir=${1:?usage: pg_start_throwaway WORKDIR FIRST_PORT [--fast]} port=${2:?usage: pg_start_throwaway WORKDIR FIRST_PORT [--fast]}
  local attempt
  shift 2
  if [[ $EUID -eq 0 ]]; then
    pg_ensure_os_user
    chown postgres: "$workdir"
  fi
  for attempt in 1 2 3; do
    port=$(pg_free_port "$port") || return 1
    if pg_start_cluster "$workdir/pgdata" "$port" "$@"; then
      PG_PORT=$port
      return 0
    fi
    port=$((port + 1))
  done
  pg__log "could not start PostgreSQL in $workdir/pgdata"
  return 1
}
