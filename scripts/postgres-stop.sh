#!/usr/bin/env bash
# Stops the server started by postgres-start.sh and removes its data folder.
set -uo pipefail
data="${1:-/tmp/familientag-pg}"
if [ ! -f "$data/postmaster.pid" ]; then rm -rf "$data"; exit 0; fi
bindir="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")")"
if [ "$(id -u)" = "0" ]; then
  runuser -u postgres -- "$bindir/pg_ctl" -D "$data" stop -m fast >/dev/null
else
  "$bindir/pg_ctl" -D "$data" stop -m fast >/dev/null
fi
rm -rf "$data"
