#!/usr/bin/env bash
# Cost optimisation benchmark: the daily recompute of 10,000 targets with 14 days of hourly history on this machine's
# cores (one silo's share), against one plain simulation per target in the same run. Writes bench/results/optimization.json.
# Arguments: [TARGETS] [EVALUATION_INTERVAL_SECONDS] (defaults 10000 and 300).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Optimization.Benchmarks -c Release --nologo -v q
dotnet bench/Optimization.Benchmarks/bin/Release/net10.0/Autoscaler.Optimization.Benchmarks.dll bench/results/optimization.json "${1:-10000}" "${2:-300}"
