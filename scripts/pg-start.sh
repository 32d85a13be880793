#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback and prints its connection string.
# Usage: eval "$(scripts/pg-start.sh)"   -> exports PLUMB_TEST_PG and PLUMB_PG_DIR
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  echo "installing PostgreSQL 15..." >&2
  apt-get install -y -q postgresql-15 >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql-15 >&2; }
fi
dir=$(mktemp -d /tmp/plumb-pg.XXXXXX)
chown postgres:postgres "$dir"
port=$(( 20000 + RANDOM % 20000 ))
# As root, run as postgres from / : it may not enter the caller's folder (a clone in a private temporary folder).
run() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
run "$bin/initdb" -D "$dir/data" -A trust -U plumb >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "export PLUMB_PG_DIR='$dir'"
echo "export PLUMB_TEST_PG='Host=127.0.0.1;Port=$port;Username=plumb;Database=postgres'"
