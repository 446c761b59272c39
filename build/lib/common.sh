# shellcheck shell=bash
# What every build script shares. Source it after setting SCRIPT (the name its messages carry); it defines functions
# only and changes no shell options (the callers use `set -euo pipefail`).
#
#   log MESSAGE...                  -> "SCRIPT: MESSAGE" on stderr
#   die MESSAGE...                  -> log, then exit 1
#   apt_install PACKAGE...          -> installs Debian packages (as root, or with sudo -n); apt-get update once if needed
#   ensure_command COMMAND PACKAGE  -> COMMAND on PATH, installing PACKAGE when it is missing
#   dotnet_quiet                    -> exports DOTNET_NOLOGO and DOTNET_CLI_TELEMETRY_OPTOUT (unless already set)
#   on_exit_cleanup FUNCTION [LOG...] -> traps EXIT/INT/TERM: on a failure shows the last lines of each LOG, then
#                                      runs FUNCTION (which must be idempotent: callers may also run it themselves)
#   stop_process PID                -> TERM, then KILL after 15 s (only our own children)
#   wait_ready URL PID NAME         -> up to 120 s for URL to answer 200

log() { printf '%s: %s\n' "${SCRIPT:-build}" "$*" >&2; }
die() { log "$*"; exit 1; }

apt_install() {
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to apt-get install $*"; return 1; }
    sudo=(sudo -n)
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || { log "apt-get update failed"; return 1; }
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 || { log "could not install $*"; return 1; }
  fi
}

ensure_command() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "$1 not found; installing the Debian package '$2'"
  apt_install "$2" || return 1
  command -v "$1" >/dev/null 2>&1 || { log "$2 is installed but $1 is still not on PATH"; return 1; }
}

dotnet_quiet() {
  : "${DOTNET_NOLOGO:=1}" "${DOTNET_CLI_TELEMETRY_OPTOUT:=1}"
  export DOTNET_NOLOGO DOTNET_CLI_TELEMETRY_OPTOUT
}

common__cleanup='' common__logs=()
common__on_exit() {
  local rc=$? f
  # A failure shows the servers' last words (not an interruption: Ctrl-C is 130, TERM 143).
  if ((rc != 0 && rc != 130 && rc != 143)); then
    for f in "${common__logs[@]}"; do
      [[ -s "$f" ]] || continue
      log "last lines of $f:"
      tail -n 30 "$f" >&2 || true
    done
  fi
  [[ -z "$common__cleanup" ]] || "$common__cleanup"
}

on_exit_cleanup() {
  common__cleanup=$1
  shift
  common__logs=("$@")
  trap common__on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

stop_process() {
  local pid=$1 i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

wait_ready() {
  local url=$1 pid=$2 name=$3 i code=''
  for ((i = 0; i < 240; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start-up"
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    [[ $code == 200 ]] && return 0
    sleep 0.5
  done
  log "$name did not answer 200 on $url within 120 s (last status $code)"
  return 1
}
