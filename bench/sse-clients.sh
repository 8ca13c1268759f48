#!/usr/bin/env bash
# Event-stream fan-out on loopback: starts an embedded silo on free ports, opens 1,000 concurrent
# /api/autoscaling/events clients, triggers a few scaling events (manual scales), checks every client received every
# event, and writes errors and latencies to bench/results/sse.json. Bounded: the client gives up after 50 s.
#   SSE_CLIENTS=1000 SSE_EVENTS=5 bench/sse-clients.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
clients="${SSE_CLIENTS:-1000}"
events="${SSE_EVENTS:-5}"
ulimit -n 8192 2>/dev/null || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/SseClients -c Release -nologo -clp:ErrorsOnly >/dev/null

work="$(mktemp -d)"
http_port="$(free_port)"
silo_pid=""
cleanup() {
  if [[ -n "$silo_pid" ]]; then kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The silo generates an admin key into $work; the per-key rate limit is raised so 1,000 connects fit in one window.
Urls="http://127.0.0.1:${http_port}" \
Silo__SiloPort="$(free_port)" Silo__GatewayPort="$(free_port)" \
Api__GeneratedKeyFile="$work/admin.key" Api__RateLimit__PermitLimit=100000 \
Logging__LogLevel__Default=Warning \
  dotnet src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll --contentRoot "$PWD/src/Silo" >"$work/silo.log" 2>&1 &
silo_pid=$!

ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:${http_port}/health/live" >/dev/null 2>&1 && [[ -s "$work/admin.key" ]]; then ready=1; break; fi
  if ! kill -0 "$silo_pid" 2>/dev/null; then cat "$work/silo.log" >&2; exit 1; fi
  sleep 0.25
done
[[ -n "$ready" ]] || { echo "the silo did not become ready in 30 s" >&2; tail -20 "$work/silo.log" >&2; exit 1; }

mkdir -p bench/results
timeout 60 dotnet bench/SseClients/bin/Release/net10.0/Autoscaler.SseClients.dll \
  --url "http://127.0.0.1:${http_port}" --key "$(cat "$work/admin.key")" \
  --clients "$clients" --events "$events" --out bench/results/sse.json
