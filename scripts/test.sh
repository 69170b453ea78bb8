#!/usr/bin/env bash
# Sets up, builds and runs every test: the Swift tests, the Python protocol and browser tests, the scenario checks and
# the compose file check. Test artefacts (screenshots, logs) land in test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p test-output

echo "== build"
swift build --build-tests

echo "== scenarios"
for f in rulesets/*.yaml; do .build/debug/armistice ruleset check "$f"; done

echo "== swift tests"
swift test --skip-build

echo "== python tests (a client written from docs/protocol.md; browsers)"
python3 -m pytest -q tests

echo "== compose file"
docker-compose -f docker-compose.yml config -q

echo "== all tests passed"
