#!/usr/bin/env bash
# Event-stream fan-out on loopback: starts a silo on free ports, opens 1,000 concurrent /api/autoscaling/events
# clients, triggers a few scaling events (manual scales), checks every client received every event, and writes errors
# and latencies to bench/results/sse.json: delivery (from the event's own timestamp to each client: what the stream
# adds, the goal's figure), from the scale request to each client, and per event the first and last client. Bounded: each client run gives up
# after 50 s, each silo start after 30 s.
#   SSE_CLIENTS=1000 SSE_EVENTS=5 bench/sse-clients.sh
#   bench/sse-clients.sh --baseline main     # also the silo built from git ref 'main', turns taken in alternation
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
clients="${SSE_CLIENTS:-1000}"
events="${SSE_EVENTS:-5}"
turns="${SSE_TURNS:-3}"
baseline=""
if [[ "${1:-}" == "--baseline" ]]; then baseline="${2:?--baseline needs a git ref}"; fi
ulimit -n 8192 2>/dev/null || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work="$(mktemp -d)"
silo_pid=""
cleanup() {
  if [[ -n "$silo_pid" ]]; then kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/SseClients -c Release -nologo -clp:ErrorsOnly >/dev/null
builds=("current:$PWD/src/Silo")
if [[ -n "$baseline" ]]; then
  # The baseline silo is built from the ref's tree (kept under /tmp by commit, so a second run reuses the build; delete
  # the directory to rebuild); the same client measures both.
  base_dir="${TMPDIR:-/tmp}/autoscaler-sse-baseline-$(git rev-parse --short "$baseline")"
  if [[ ! -f "$base_dir/src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll" ]]; then
    rm -rf "$base_dir"; mkdir -p "$base_dir"
    git archive "$baseline" | tar -x -C "$base_dir"
    dotnet build "$base_dir/src/Silo" -c Release -nologo -clp:ErrorsOnly >/dev/null
  fi
  builds=("baseline:$base_dir/src/Silo" "${builds[@]}")
fi

# One turn: a fresh silo from $2, the clients, the silo stopped; JSON in $3.
run_turn() {
  local label="$1" silo_dir="$2" out="$3" http_port
  http_port="$(free_port)"
  rm -f "$work/admin.key"
  # The silo generates an admin key into $work; the per-key rate limit is raised so 1,000 connects fit in one window.
  Urls="http://127.0.0.1:${http_port}" \
  Silo__SiloPort="$(free_port)" Silo__GatewayPort="$(free_port)" \
  Api__GeneratedKeyFile="$work/admin.key" Api__RateLimit__PermitLimit=100000 \
  Logging__LogLevel__Default=Warning \
    dotnet "$silo_dir/bin/Release/net10.0/Autoscaler.Silo.dll" --contentRoot "$silo_dir" >"$work/silo-$label.log" 2>&1 &
  silo_pid=$!
  local ready=""
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:${http_port}/health/live" >/dev/null 2>&1 && [[ -s "$work/admin.key" ]]; then ready=1; break; fi
    if ! kill -0 "$silo_pid" 2>/dev/null; then cat "$work/silo-$label.log" >&2; exit 1; fi
    sleep 0.25
  done
  [[ -n "$ready" ]] || { echo "the $label silo did not become ready in 30 s" >&2; tail -20 "$work/silo-$label.log" >&2; exit 1; }
  timeout 60 dotnet bench/SseClients/bin/Release/net10.0/Autoscaler.SseClients.dll \
    --url "http://127.0.0.1:${http_port}" --key "$(cat "$work/admin.key")" \
    --clients "$clients" --events "$events" --out "$out" >/dev/null || echo "$label turn: not every client got every event" >&2
  kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; silo_pid=""
}

for turn in $(seq 1 "$turns"); do
  for build in "${builds[@]}"; do
    label="${build%%:*}"
    run_turn "$label" "${build#*:}" "$work/$label-$turn.json"
  done
done

mkdir -p bench/results
python3 - "$work" "$turns" "${baseline:-}" "${builds[@]%%:*}" <<'PY'
import json, statistics, sys
work, turns, ref, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
result = {"scenario": "sse-fanout", "baselineRef": ref or None, "builds": {}}
for label in labels:
    runs = [json.load(open(f"{work}/{label}-{t}.json")) for t in range(1, turns + 1)]
    p99 = [r["deliveryLatencyMs"]["p99"] for r in runs]
    request_p99 = [r["fromRequestMs"]["p99"] for r in runs]
    result["builds"][label] = {"p99MedianMs": statistics.median(p99), "p99Ms": p99, "fromRequestP99Ms": request_p99,
                               "p50Ms": [r["deliveryLatencyMs"]["p50"] for r in runs],
                               "everyClientEveryEvent": all(r["clientsWithEveryEvent"] == r["clients"] for r in runs),
                               "turns": runs}
json.dump(result, open("bench/results/sse.json", "w"), indent=2)
for label, b in result["builds"].items():
    print(f"{label:9} delivery p99 per turn {b['p99Ms']} ms (median {b['p99MedianMs']}), p50 {b['p50Ms']} ms; from the request p99 {b['fromRequestP99Ms']} ms; all delivered: {b['everyClientEveryEvent']}")
PY
