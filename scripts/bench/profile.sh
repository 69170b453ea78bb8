#!/usr/bin/env bash
# Profiles the server (perf, DWARF call graphs) while armistice loadtest runs against it; prints where the server's
# time goes (inclusive), with Swift names demangled. Example:
#   scripts/bench/profile.sh --rooms 10 --clients-per-room 10 --mode turns --duration 12
# PROFILE_SECONDS (default 8) is how long perf records, PROFILE_DELAY (default 4) seconds after the load starts
# (make it longer than the seating for big runs).
source "$(dirname "$0")/common.sh"
start_server
"$BIN" loadtest "ws://127.0.0.1:$PORT/ws" --instructor-key "$KEY" --server-pid "$SERVER_PID" --warmup 2 "$@" > "$OUT/profile-run.txt" &
LOAD_PID=$!
sleep "${PROFILE_DELAY:-4}"
perf record -F 199 --call-graph dwarf,16384 -p "$SERVER_PID" -o "$OUT/perf.data" -- sleep "${PROFILE_SECONDS:-8}" 2> /dev/null
wait "$LOAD_PID" || true
cat "$OUT/profile-run.txt"
echo
echo "Server time by function, inclusive (top 40):"
perf report -i "$OUT/perf.data" --children --sort symbol --stdio -g none 2> /dev/null | grep -E '^ +[0-9]' \
  | swift demangle --simplified | cut -c1-160 | head -40
