#!/usr/bin/env bash
# A real N-silo cluster on one machine: PostgreSQL + nats-server on loopback (servers.sh), then N silos (default 3)
# sharing them. Prints how to reach everything; Ctrl-C (or any failure) stops all of it and removes the temp directory.
#   deploy/local/cluster.sh [N] [extra silo args...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
export AWS_EC2_METADATA_DISABLED=true

count=${1:-3}; shift || true
case "$count" in ''|*[!0-9]*) echo "usage: cluster.sh [N] [silo args...]" >&2; exit 64 ;; esac

eval "$("$here/servers.sh" start)"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$here/servers.sh" stop "$AUTOSCALER_LOCAL_DIR"
  log "stopped"
  exit "${1:-0}"
}
trap 'cleanup $?' EXIT
trap 'cleanup 130' INT TERM

dotnet build "$root/src/Silo" -c Release -nologo -clp:ErrorsOnly >&2
silo_dll="$root/src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll"

for i in $(seq 1 "$count"); do
  http=$(free_port); siloport=$(free_port); gateway=$(free_port)
  Silo__SiloPort=$siloport Silo__GatewayPort=$gateway Silo__Name="silo-$i" Urls="http://127.0.0.1:$http" \
    dotnet "$silo_dll" "$@" >"$AUTOSCALER_LOCAL_DIR/silo-$i.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$http")
  log "silo-$i: http://127.0.0.1:$http  silo port $siloport  gateway $gateway  log $AUTOSCALER_LOCAL_DIR/silo-$i.log"
done

for url in "${urls[@]}"; do
  for _ in $(seq 1 120); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "$url/health/ready" >/dev/null || { log "$url did not become ready"; exit 1; }
done

cat <<OUT
Cluster of $count silos is ready.
  HTTP:        ${urls[*]}
  PostgreSQL:  $ConnectionStrings__Autoscaler
  NATS:        $Nats__Url
  Logs:        $AUTOSCALER_LOCAL_DIR/silo-*.log
Press Ctrl-C to stop everything.
OUT
wait -n "${pids[@]}" || true
log "a silo exited; stopping the cluster"
exit 1
