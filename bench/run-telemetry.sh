#!/usr/bin/env bash
# Telemetry ingestion throughput on loopback (bounded: a few hundred thousand messages, well under 2 minutes).
# Starts its own nats-server on a free port; writes bench/results/telemetry.json and prints a table.
#   BENCH_SINGLE_MESSAGES=200000 BENCH_BATCH_MESSAGES=10000 bench/run-telemetry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v nats-server >/dev/null || { . deploy/local/lib.sh; ensure_packages; }
dotnet build bench/Telemetry.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
timeout 180 dotnet bench/Telemetry.Benchmarks/bin/Release/net10.0/Autoscaler.Telemetry.Benchmarks.dll --out bench/results/telemetry.json
