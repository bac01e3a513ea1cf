#!/usr/bin/env bash
# The one test command (README): unit, integration on SQLite and on a real PostgreSQL server,
# and browser tests in Debian's headless Chromium. Installs what is missing, starts a throwaway
# PostgreSQL cluster, runs every test project, prints "N passed, N failed", and exits non-zero
# on any failure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to install packages: $*" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- 1. What the tests need -------------------------------------------------------------
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  log "Installing PostgreSQL from Debian"
  apt_install postgresql || { echo "Could not install PostgreSQL" >&2; exit 1; }
fi
if [ ! -x /usr/bin/chromium ]; then
  log "Installing Chromium from Debian"
  apt_install chromium || { echo "Could not install Chromium" >&2; exit 1; }
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "Installing Node.js and npm from Debian"
  apt_install nodejs npm || { echo "Could not install Node.js" >&2; exit 1; }
fi

# --- 2. A throwaway PostgreSQL server, unless one is given ------------------------------
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    run_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

run_pg() {
  # PostgreSQL refuses to run as root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -z "${WAYMARK_TEST_POSTGRES:-}" ]; then
  log "Starting a throwaway PostgreSQL server"
  pg_dir="$(mktemp -d /tmp/waymark-test-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  port=$(( 20000 + RANDOM % 20000 ))
  run_pg "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
    || { echo "initdb failed" >&2; exit 1; }
  run_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
  export WAYMARK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
fi

# --- 3. Build once, then every test project ----------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building"
if ! dotnet build Waymark.slnx -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  echo "The build failed." >&2
  exit 1
fi

passed=0; failed=0; status=0
results="$(mktemp -d)"
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  log "Testing $name"
  trx="$results/$name.trx"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" || status=1
  if [ -f "$trx" ]; then
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
  else
    echo "$name produced no results" >&2
    failed=$(( failed + 1 )); status=1
  fi
done
rm -rf "$results"

[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo
echo "$passed passed, $failed failed"
exit "$status"
