#!/usr/bin/env bash
# The first reaction after a silo starts (issue 19, goal 3): breaching sample → webhook call on a fresh silo process, with
# the actuation warm-up at start switched off (the baseline) and on, alternating over BENCH_TURNS turns (default 3), then
# the 200 reactions after it (BENCH_REACTIONS). Real PostgreSQL and nats-server on loopback; writes
# bench/results/first-reaction.json and prints a table. Bounded (< 4 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/EndToEnd -c Release -nologo -clp:ErrorsOnly >/dev/null
eval "$(deploy/local/servers.sh start)"
trap 'deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR" >/dev/null 2>&1 || true' EXIT
timeout 300 dotnet bench/EndToEnd/bin/Release/net10.0/Autoscaler.EndToEnd.Benchmarks.dll --first-reaction --out bench/results/first-reaction.json
