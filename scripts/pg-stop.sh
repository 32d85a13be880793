#!/usr/bin/env bash
# Stops the cluster started by pg-start.sh and removes its folder.
set -uo pipefail
[ -n "${PLUMB_PG_DIR:-}" ] || exit 0
# As root, run as postgres from / : it may not enter the caller's folder (a clone in a private temporary folder).
run() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
run /usr/lib/postgresql/15/bin/pg_ctl -D "$PLUMB_PG_DIR/data" -m fast stop >/dev/null 2>&1
rm -rf "$PLUMB_PG_DIR"
