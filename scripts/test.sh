#!/usr/bin/env bash
# Every check that can run on this machine, in order, continuing past a failure so one run shows
# everything; ends with one summary line (`tests: N passed, N failed`) and a non-zero exit on any
# failure. The keychain tests and the e2e suite run inside a private D-Bus session with an
# unlocked throwaway gnome-keyring, so no real keyring is touched.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -rf .tmp/vitest.json .tmp/playwright.json .tmp/steps.tsv .tmp/e2e test-results

step() { # step NAME COMMAND...: run, record pass/fail
  local name=$1; shift
  echo; echo "=== $name: $*"
  local t0=$SECONDS
  if "$@"; then echo -e "$name\tpass\t$((SECONDS - t0))" >> .tmp/steps.tsv
  else echo -e "$name\tfail\t$((SECONDS - t0))" >> .tmp/steps.tsv; fi
}

with_keyring() { # runs a command in a private D-Bus session with an unlocked temp keyring
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    local home; home=$(mktemp -d)
    KEYRING_HOME="$home" dbus-run-session -- bash -c '
      export HOME="$KEYRING_HOME" XDG_DATA_HOME="$KEYRING_HOME/.local/share" XDG_CONFIG_HOME="$KEYRING_HOME/.config"
      mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
      echo -n "evo-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
      exec "$@"' _ "$@"
  else
    echo "(no dbus-run-session/gnome-keyring: keychain tests will report themselves skipped; run npm run setup)"
    "$@"
  fi
}

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
NPX="node_modules/.bin"
# The pinned Node 24 (the `node` package in node_modules/.bin) runs every step, also when this
# script is started without npm run.
export PATH="$PWD/node_modules/.bin:$PATH"
echo "tests run on Node $(node --version) ($(command -v node))"

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step build npm run --silent build
# The unpacked app (placeholder runtime here) that tests/package/layout.test.ts lists, and whose
# app.asar the launch step runs from (extracted, with only the node_modules it packed).
step package npm run --silent package
step launch "$NPX/vitest" run --config vitest.launch.config.ts
step unit with_keyring "$NPX/vitest" run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
step electronegativity node scripts/electronegativity.mjs
if [ -f playwright.config.ts ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json step e2e with_keyring "$NPX/playwright" test --reporter=list,json
fi
# Last: what the build and every suite left on disk must not hold a test password.
step secrets-scan node scripts/scan-secrets.mjs

node scripts/summary.mjs
