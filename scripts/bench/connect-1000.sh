#!/usr/bin/env bash
# Target: 1,000 connections opened in under 2 seconds (100 rooms of 10; WebSocket handshakes, then seating).
source "$(dirname "$0")/common.sh"
start_server
loadtest connect-1000 "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" \
  --rooms 100 --clients-per-room 10 --mode moves --moves-per-second 200 --warmup 1 --duration 5 "$@"
