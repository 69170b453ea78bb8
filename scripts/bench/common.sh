# Shared by the bench scripts: build once, start a fresh server on a free port, stop it on exit.
# Source it; then call start_server, and use $PORT, $KEY, $SERVER_PID, $BIN, $OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BIN="${BENCH_BIN:-$ROOT/.build/release/armistice}"
OUT="${BENCH_OUT:-$ROOT/.build/bench}"
mkdir -p "$OUT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product armistice >&2
fi
ulimit -n "$(ulimit -Hn)"
KEY="loadtest-instructor-key-$$"

# start_server [ARGS…]: a fresh server (empty data folder on disk, so log commits fsync as in use) on a free port;
# ARGS are added to `armistice serve` (a cluster node's options, for example).
start_server() {
  DATA="$(mktemp -d "${BENCH_DATA_PARENT:-/var/tmp}/armistice-bench.XXXXXX")"
  local log="$OUT/server-$$.log"
  "$BIN" serve --host 127.0.0.1 --port 0 --data "$DATA" --instructor-key "$KEY" --log-level warning "$@" > "$log.out" 2> "$log" &
  SERVER_PID=$!
  trap 'stop_server' EXIT
  for _ in $(seq 1 100); do
    PORT="$(sed -n 's/^listening on port \([0-9]*\)$/\1/p' "$log.out" 2>/dev/null || true)"
    [ -n "$PORT" ] && break
    sleep 0.1
  done
  [ -n "${PORT:-}" ] || { echo "the server did not start; see $log" >&2; exit 1; }
  echo "server pid $SERVER_PID on port $PORT, data $DATA; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  [ -n "${DATA:-}" ] && rm -rf "$DATA"
  DATA=""
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# loadtest NAME ARGS…: runs armistice loadtest, prints its figures, keeps them as JSON in $OUT/NAME.json.
loadtest() {
  local name="$1"; shift
  "$BIN" loadtest "$@" --json-out "$OUT/$name.json"
  echo "(JSON: $OUT/$name.json)"
}
