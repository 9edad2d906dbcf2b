#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for tests; prints its URL on the last line.
# PostgreSQL refuses to run as root, so the server runs as the unprivileged "postgres" user.
# Usage: scripts/postgres-start.sh [port|''] [data-dir]   Stop: scripts/postgres-stop.sh [data-dir]
# POSTGRES_OPTIONS adds server options, e.g. "-c synchronous_commit=on" for a test that crashes the server.
set -euo pipefail
port="${1:-}"
if [ -z "$port" ]; then
  # The first free port from 54329 on, so a developer's own server does not get in the way.
  for candidate in $(seq 54329 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
data="${2:-/tmp/familientag-pg}"

bindir=""
if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
else
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

run_as=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  run_as=(runuser -u postgres --)
fi

if [ -f "$data/postmaster.pid" ]; then
  "${run_as[@]}" "$bindir/pg_ctl" -D "$data" stop -m immediate >/dev/null 2>&1 || true
fi
rm -rf "$data"
mkdir -p "$data"
[ "$(id -u)" = "0" ] && chown postgres "$data"
"${run_as[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${POSTGRES_OPTIONS:-}" start >/dev/null; then
  cat "$data/server.log" >&2
  exit 1
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
