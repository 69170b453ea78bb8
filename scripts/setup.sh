#!/usr/bin/env bash
# Installs everything Armistice needs to build, serve and test on Debian 12. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libwebsockets-dev libwebsockets-evlib-ev libev-dev libncurses-dev pkg-config tmux chromium chromium-driver poppler-utils docker-compose openssl)
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

if ! command -v swift >/dev/null; then
    echo "setup: Swift 6 is needed (swift.org toolchain on the PATH)" >&2
    exit 1
fi
