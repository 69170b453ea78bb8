#!/usr/bin/env bash
# Target: turn cycle at 50 rooms of 8 students (plus instructor and projector): at least 1,000 room-turns/s,
# p99 under 100 ms from the last lock to the last member seeing the results.
# THREADS=N sets the server's rooms threads (serve --threads N; default the number of cores).
source "$(dirname "$0")/common.sh"
start_server ${THREADS:+--threads "$THREADS"}
loadtest turns-50x8 "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
  --rooms 50 --clients-per-room 10 --mode turns --warmup 2 --duration "${DURATION:-30}" "$@"
