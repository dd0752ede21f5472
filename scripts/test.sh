#!/usr/bin/env bash
# Runs every test: typecheck, lint, then the whole suite on the embedded database (PGlite) and
# again on a real PostgreSQL server started here on 127.0.0.1. Installs what it needs when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

[ -d node_modules ] || npm ci --no-audit --no-fund

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

echo "== Typecheck and lint"
npx tsc --noEmit -p .
npx eslint . --max-warnings 0

files=(src/**/*.test.ts test/**/*.test.ts)
run_suite() {
  node --import tsx scripts/prepare-test-db.ts
  node --import tsx --test --test-concurrency=2 --test-reporter=dot "${files[@]}"
}

echo "== Tests on the embedded database (PGlite)"
run_suite

echo "== Tests on PostgreSQL"
pg_dir=$(mktemp -d)
chmod 755 "$pg_dir"
chown postgres "$pg_dir" 2>/dev/null || true
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=${TEST_PG_PORT:-55432}
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" run_suite

echo "== All tests passed on PGlite and PostgreSQL"
