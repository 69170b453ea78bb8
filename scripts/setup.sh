#!/usr/bin/env bash
# Installs everything Armistice needs to build, serve and test on Debian 12. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libwebsockets-dev libwebsockets-evlib-ev libev-dev libncurses-dev pkg-config tmux chromium chromium-driver fonts-nanum fonts-noto-color-emoji poppler-utils docker-compose openssl nodejs haproxy postgresql)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import websockets, selenium, pytest' 2>/dev/null; then
    echo "setup: installing the Python test packages"
    python3 -m pip install -q --disable-pip-version-check -r tests/requirements.txt
fi

# axe-core 4 for the accessibility test: only the axe.min.js this package ships is used, so not its Playwright.
if ! python3 -c 'import axe_playwright_python' 2>/dev/null; then
    echo "setup: installing axe-core (axe-playwright-python, without its dependencies)"
    python3 -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
fi

if ! command -v swift >/dev/null; then
    echo "setup: Swift 6 is needed (swift.org toolchain on the PATH)" >&2
    exit 1
fi
