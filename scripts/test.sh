#!/usr/bin/env bash
# Runs every test: formatting, typecheck, lint, then the whole suite on the embedded database (PGlite)
# with the clock at 2024-10-01, and again on a real PostgreSQL server started here on 127.0.0.1 with
# the clock at 2026-06-01 (so the suite is shown to hold at two dates). Installs what it needs when
# missing. `scripts/test.sh unit` is the fast inner loop: no browsers, no PostgreSQL.
# The last line is always "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
mode=${1:-all}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1

passed=0
failed=0
report_dir=$(mktemp -d)
summary() { echo "$passed passed, $failed failed"; }

# Runs the named test files, adding their counts to the totals; the TAP report is read back for them.
run_tests() {
  local label=$1
  shift
  local tap="$report_dir/$label.tap"
  node --import tsx scripts/prepare-test-db.ts || { failed=$((failed + 1)); return; }
  node --import tsx --test --test-concurrency=2 \
    --test-reporter=dot --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$@"
  local p f
  p=$(grep -E '^# pass [0-9]+' "$tap" | awk '{s += $3} END {print s + 0}')
  f=$(grep -E '^# fail [0-9]+' "$tap" | awk '{s += $3} END {print s + 0}')
  passed=$((passed + p))
  failed=$((failed + f))
  echo "   $label: $p passed, $f failed"
}

# Checks that are not tests still count: a failure here is one failure.
check() {
  local label=$1
  shift
  echo "== $label"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

all_files=(src/**/*.test.ts test/**/*.test.ts)
unit_files=()
for f in "${all_files[@]}"; do
  case "$f" in *.browser.test.ts | test/browser/*) ;; *) unit_files+=("$f") ;; esac
done

check "Formatting (Prettier)" npx prettier --check . --log-level warn
check "Typecheck" npx tsc --noEmit -p .
check "Lint (type-checked rules and layer boundaries)" npx eslint . --max-warnings 0

if [ "$mode" = unit ]; then
  echo "== Unit and route tests on the embedded database (PGlite)"
  run_tests unit "${unit_files[@]}"
  summary
  [ "$failed" = 0 ]
  exit
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null || { failed=$((failed + 1)); summary; exit 1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

echo "== Tests on the embedded database (PGlite), clock at 2024-10-01"
WESAID_TODAY=2024-10-01 run_tests pglite "${all_files[@]}"

echo "== Tests on PostgreSQL, clock at 2026-06-01"
pg_dir=$(mktemp -d)
chmod 755 "$pg_dir"
chown postgres "$pg_dir" 2>/dev/null || true
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=${TEST_PG_PORT:-55432}
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir" "$report_dir"; }
trap cleanup EXIT
if run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null &&
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" WESAID_TODAY=2026-06-01 run_tests postgresql "${all_files[@]}"
else
  echo "PostgreSQL did not start"
  failed=$((failed + 1))
fi

summary
[ "$failed" = 0 ]
