#!/usr/bin/env bash
# Runs the browser tests against the real server. Installs nothing: needs `swift build` done, Debian's chromium and
# chromium-driver, and the Python packages in requirements.txt. Screenshots go to test-output/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SE_OFFLINE=true
exec python3 -m pytest tests/browser -p no:cacheprovider "$@"
