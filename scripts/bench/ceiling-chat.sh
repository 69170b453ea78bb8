#!/usr/bin/env bash
# The ceiling: room chat broadcast on armistice against libwebsockets-test-server's lws-mirror-protocol,
# same load generator, same fan-out (3 rooms of CLIENTS -- the 4.1 test server keeps at most 3 mirror instances;
# every message goes to every member of its room, the sender included),
# at rising send rates. Target: armistice delivers at least 70% of the mirror's messages per second.
source "$(dirname "$0")/common.sh"
CLIENTS="${CLIENTS:-50}"
RATES="${RATES:-250 500 1000 2000}"
DURATION="${DURATION:-10}"
command -v libwebsockets-test-server >/dev/null || { echo "install libwebsockets-test-server" >&2; exit 1; }
for rate in $RATES; do
  MPORT="$(free_port)"
  libwebsockets-test-server --port="$MPORT" -d 1 > "$OUT/mirror-$MPORT.log" 2>&1 &
  MIRROR_PID=$!
  sleep 0.5
  loadtest "ceiling-mirror-$rate" "ws://127.0.0.1:$MPORT/" --target lws-mirror --server-pid "$MIRROR_PID" \
    --mode chat --rooms 3 --clients-per-room "$CLIENTS" --moves-per-second "$rate" --chat-bytes 60 --warmup 2 --duration "$DURATION"
  kill -TERM "$MIRROR_PID"; wait "$MIRROR_PID" 2>/dev/null || true
  start_server
  loadtest "ceiling-armistice-$rate" "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
    --mode chat --rooms 3 --clients-per-room "$CLIENTS" --observers 0 --moves-per-second "$rate" --chat-bytes 60 --warmup 2 --duration "$DURATION"
  stop_server
done
python3 "$ROOT/scripts/bench/ceiling-table.py" "$OUT" $RATES
