#!/usr/bin/env bash
# Restarts the server started by postgres-start.sh, to play a database outage in tests.
# Usage: scripts/postgres-restart.sh <data-dir> [fast|immediate] [seconds-down]
#   Without seconds-down: `pg_ctl restart`. With it: stop, stay down that long, start with the same options.
set -euo pipefail
data="${1:?data dir}"
mode="${2:-fast}"
down="${3:-}"
bindir="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")")"
run_as=()
[ "$(id -u)" = "0" ] && run_as=(runuser -u postgres --)

if [ -z "$down" ]; then
  "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -m "$mode" restart >/dev/null
  exit 0
fi
# postmaster.opts holds the command line of the running server: `<postgres> "-D" "<dir>" "-h" ...`.
options="$(sed -e 's/^[^ ]* //' -e 's/"-D" "[^"]*" *//g' "$data/postmaster.opts")"
"${run_as[@]}" "$bindir/pg_ctl" -D "$data" -w -t 60 -m "$mode" stop >/dev/null
sleep "$down"
"${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "$options" start >/dev/null
