#!/usr/bin/env bash
# The whole suite: typecheck, lint, unit + API tests on SQLite, the same on PostgreSQL, then the
# end-to-end suite in headless Chromium against the real server. PostgreSQL is started by the test run
# itself (embedded-postgres, a throwaway cluster on 127.0.0.1); Chromium is Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  exit 1
fi

echo "== typecheck"
npm run --silent typecheck
echo "== lint"
npx biome check .
echo "== tests on SQLite"
TEST_DB=sqlite npx vitest run
echo "== tests on PostgreSQL"
TEST_DB=postgres npx vitest run
echo "== build the web app"
npx vite build --logLevel warn
echo "== end-to-end tests in Chromium"
npx playwright test
echo "== all passed"
