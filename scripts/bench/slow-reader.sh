#!/usr/bin/env bash
# Target: one client that stops reading does not move anyone else's p99.
# 100 rooms of 10 making 500 moves/s; room 1 also chats 100 messages/s. Halfway through, a student joins room 1
# and never reads again (4 KB receive buffer). Compare the two halves.
source "$(dirname "$0")/common.sh"
start_server
loadtest slow-reader "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
  --rooms 100 --clients-per-room 10 --mode moves --moves-per-second 500 --slow-reader --hot-chat-per-second 100 \
  --warmup 3 --duration "${DURATION:-60}" "$@"
