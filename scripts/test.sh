#!/usr/bin/env bash
# The whole suite: typecheck, lint, unit + API tests on SQLite, the same on PostgreSQL.
# PostgreSQL is started by the test run itself (embedded-postgres, a throwaway cluster on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint"
npx biome check .
echo "== tests on SQLite"
TEST_DB=sqlite npx vitest run
echo "== tests on PostgreSQL"
TEST_DB=postgres npx vitest run
echo "== all passed"
