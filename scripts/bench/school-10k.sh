#!/usr/bin/env bash
# Target: 10,000 connections (1,000 rooms of 10: instructor, projector, 8 students) held 5 minutes,
# p99 move-to-update under 50 ms at 2,000 moves/s, server RSS under 1 GiB.
# Shorter: DURATION=60 scripts/bench/school-10k.sh
source "$(dirname "$0")/common.sh"
start_server
loadtest school-10k "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
  --rooms 1000 --clients-per-room 10 --mode moves --moves-per-second 2000 --chat-per-second 200 \
  --warmup 10 --duration "${DURATION:-300}" "$@"
