#!/usr/bin/env bash
# Start PostgreSQL 15 and nats-server on loopback on free ports under a throwaway directory, and print the settings
# to reach them as shell exports. `servers.sh stop DIR` stops them and removes DIR.
#   eval "$(deploy/local/servers.sh start)"     # exports AUTOSCALER_LOCAL_DIR, connection strings, NATS URL
#   deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

case "${1:-start}" in
  start)
    ensure_packages
    dir=${2:-$(mktemp -d /tmp/autoscaler-local.XXXXXX)}
    chmod 755 "$dir"
    pg_port=$(start_postgres "$dir")
    nats_port=$(start_nats "$dir") || { stop_postgres "$dir"; exit 1; }
    "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE autoscaler" >/dev/null
    log "PostgreSQL on 127.0.0.1:$pg_port, nats-server on 127.0.0.1:$nats_port, state in $dir"
    cat <<OUT
export AUTOSCALER_LOCAL_DIR=$dir
export AUTOSCALER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export ConnectionStrings__Autoscaler="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=autoscaler"
export AUTOSCALER_TEST_NATS_URL=nats://127.0.0.1:$nats_port
export Nats__Url=nats://127.0.0.1:$nats_port
OUT
    ;;
  stop)
    dir=${2:?usage: servers.sh stop DIR}
    stop_nats "$dir"; stop_postgres "$dir"
    case "$dir" in /tmp/autoscaler-local.*) rm -rf "$dir" ;; esac
    ;;
  *) echo "usage: servers.sh start [DIR] | stop DIR" >&2; exit 64 ;;
esac
