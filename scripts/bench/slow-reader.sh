#!/usr/bin/env bash
# Target: one client that stops reading does not move anyone else's p99.
# 100 rooms of 10 making 200 moves/s; room 1 gets 40 more moves/s and 20 chat/s. Halfway through, a second
# instructor joins room 1 (so it gets every team's updates) and never reads again (4 KB receive buffer).
# Compare the two halves; the server should cut it off (queue full for 15 s: close 1008) without slowing the rest.
source "$(dirname "$0")/common.sh"
start_server
loadtest slow-reader "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
  --rooms 100 --clients-per-room 10 --mode moves --moves-per-second 200 --slow-reader --hot-moves-per-second 40 --hot-chat-per-second 20 \
  --warmup 3 --duration "${DURATION:-90}" "$@"
