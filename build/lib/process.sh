# Shared by build/bench.sh and build/soak.sh: the processes they start.

# stop_process PID: TERM, then KILL after 15 s; only our own children (wait reaps them).
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

# wait_ready URL PID NAME: up to 120 s for URL to answer 200; fails with a message if PID exits first or time runs out.
wait_ready() {
  local url=$1 pid=$2 name=$3 i code=''
  for ((i = 0; i < 240; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      printf '%s exited during start-up\n' "$name" >&2
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    [[ $code == 200 ]] && return 0
    sleep 0.5
  done
  printf '%s did not answer 200 on %s within 120 s (last status %s)\n' "$name" "$url" "$code" >&2
  return 1
}
