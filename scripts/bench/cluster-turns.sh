#!/usr/bin/env bash
# The cost of PostgreSQL on the turn cycle (docs/scaling.md): the turns load (ROOMS rooms of 8 students, an
# instructor and a projector) against one node three times, each on a fresh data folder: a single node, a cluster
# node in shipped mode, and one in strict mode, with a throwaway PostgreSQL on loopback (initdb/pg_ctl; run as root,
# it runs as the postgres user). Figures in $OUT/cluster-turns-{single,shipped,strict}.json.
source "$(dirname "$0")/common.sh"
ROOMS="${ROOMS:-20}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_DIR="$(mktemp -d /var/tmp/armistice-bench-pg.XXXXXX)"
PG_PORT="$(free_port)"
chmod 755 "$PG_DIR"
as_postgres() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$PG_DIR"; su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_postgres "$PG_BIN/initdb -D $PG_DIR/data -A trust -U armistice" >/dev/null
as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' start" >/dev/null
stop_pg() { as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data stop -m fast" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap 'stop_server; stop_pg' EXIT

for mode in single shipped strict; do
  if [ "$mode" = single ]; then
    start_server
  else
    start_server --node "bench$mode" --code-prefix A --postgres "postgres://armistice@127.0.0.1:$PG_PORT/postgres" --durability "$mode" \
      --log-level notice
  fi
  trap 'stop_server; stop_pg' EXIT
  loadtest "cluster-turns-$mode" "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
    --rooms "$ROOMS" --clients-per-room 10 --mode turns --warmup 2 --duration "${DURATION:-20}" "$@"
  stop_server
  # The node's own account at shutdown: lines and batches shipped, seconds spent, the longest lag.
  grep -h "cluster shipping" "$OUT"/server-$$.log 2>/dev/null | tail -1 | sed "s/^/$mode: /" | tee "$OUT/cluster-turns-$mode-shipping.txt" || true
done

# What shipped mode loses with a node: the same load, the node killed with kill -9 halfway; the lines its local logs
# hold (everything it acknowledged) against those PostgreSQL holds, room by room.
start_server --node benchkill --code-prefix B --postgres "postgres://armistice@127.0.0.1:$PG_PORT/postgres" --durability shipped \
  --log-level notice
trap 'stop_server; stop_pg' EXIT
KILL_DATA="$DATA"
"$BIN" loadtest "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --rooms "$ROOMS" --clients-per-room 10 --mode turns \
  --warmup 2 --duration "${DURATION:-20}" --timeout 3 > "$OUT/cluster-kill-loadtest.txt" 2>&1 &
LOAD_PID=$!
sleep "$(( ${DURATION:-20} / 2 + 2 ))"
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait "$LOAD_PID" 2>/dev/null || true
local_lines=0; lost_lines=0; rooms_behind=0
for f in "$KILL_DATA"/matches/*.jsonl; do
  code="$(basename "$f" .jsonl)"
  n="$(grep -c '' "$f")"
  shared="$(psql -h 127.0.0.1 -p "$PG_PORT" -U armistice -d postgres -Atc "SELECT count(*) FROM armistice_log_lines WHERE room = '$code'")"
  local_lines=$((local_lines + n)); lost_lines=$((lost_lines + n - shared))
  [ "$n" -gt "$shared" ] && rooms_behind=$((rooms_behind + 1))
done
echo "shipped mode, kill -9 under load: $local_lines lines acknowledged locally, $lost_lines not in PostgreSQL, in $rooms_behind of $(ls "$KILL_DATA"/matches/*.jsonl | wc -l) rooms" | tee "$OUT/cluster-kill.txt"
rm -rf "$KILL_DATA"; DATA=""
