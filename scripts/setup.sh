#!/usr/bin/env bash
# One-command setup: installs the system packages the console needs when missing, then npm ci.
# npm ci runs on the Node the project pins in package-lock.json (the `node` package: Node 24, what
# Electron 45's main process runs), fetched from the npm registry when the machine's Node is
# older, so no dependency warns about its engine. Idempotent: a second run checks, finds
# everything present, and only re-runs npm ci when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(libsecret-1-dev gnome-keyring dbus-x11 libsecret-tools chromium xvfb)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: need root to install ${missing[*]}; run as root or install sudo." >&2
        exit 1
      fi
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: system packages present"
  fi
else
  cat <<MSG
setup: this is not a Debian/Ubuntu system, so system packages are not installed automatically.
Install the equivalents of: ${PACKAGES[*]}
(libsecret development headers, a Secret Service keyring such as gnome-keyring, D-Bus,
Chromium, and Xvfb), then run npm run setup again.
MSG
fi

stamp=node_modules/.setup-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -d node_modules/.bin ]; then
  echo "setup: node_modules matches package-lock.json"
else
  pinned=$(node -p "require('./package-lock.json').packages['node_modules/node'].version")
  if [ "$(node -p 'process.versions.node')" = "$pinned" ]; then
    echo "setup: npm ci (Node $pinned)"
    npm ci --no-audit --no-fund
  else
    echo "setup: npm ci on Node $pinned from the npm registry (this machine has Node $(node -p 'process.versions.node'))"
    npm exec --yes --package="node@$pinned" -- npm ci --no-audit --no-fund
  fi
  echo "$hash" > "$stamp"
fi
echo "setup: done. Next: npm start (the console) or npm test (every check)."
