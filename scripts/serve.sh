#!/usr/bin/env bash
# Sets up, builds and starts the server with the default scenario on http://localhost:8080 (data in ./data).
# Extra arguments go to `armistice serve` (see `armistice serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product armistice
exec .build/release/armistice serve --rulesets rulesets --web clients/web --data data "$@"
