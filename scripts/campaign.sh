#!/usr/bin/env bash
# The fuzz and fault campaign in one command (docs/reliability.md): mutated frames of every request type over real
# WebSockets while another room's students measure their pings, the same frames straight into the inbound gate,
# damaged scenarios and match logs through the tools, kill -9 cycles under load; then the libFuzzer targets.
#
#   scripts/campaign.sh              about 6 minutes of campaign, then each libFuzzer target for 60 s
#   scripts/campaign.sh --short      about 30 s of campaign (the test suite runs this), no libFuzzer
#   scripts/campaign.sh --long       10 million wire frames (at most 4 h), 1 h of gate, 100 kill cycles, 10 min of files each;
#                                    libFuzzer 600 s each
#   FUZZ_SECONDS=N scripts/campaign.sh ...   libFuzzer seconds per target (0: none)
# Any other options go to `armistice campaign` (see `armistice campaign --help`). Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=60
for arg in "$@"; do
  case "$arg" in
    --short) fuzz_seconds=0 ;;
    --long) fuzz_seconds=600 ;;
  esac
done
fuzz_seconds="${FUZZ_SECONDS:-$fuzz_seconds}"

echo "== build (release)"
swift build -c release --product armistice
status=0
.build/release/armistice campaign "$@" || status=1

if [ "$fuzz_seconds" -gt 0 ]; then
  bash Fuzz/run.sh "$fuzz_seconds" || status=1
fi
exit $status
