#!/usr/bin/env bash
# Cost optimisation benchmark: the daily recompute of many targets with 14 days of hourly history, against one plain
# simulation per target in the same run. Two measured paths (PHASES): "optimiser", the pure optimiser over in-memory
# profiles on every core; "grain", the recommendations grain's own recompute on a one-silo in-process cluster (each
# target's profile read through its service and size grains, history supplied by the ITraceBackfill seam, the records
# merged and written); "all" runs both. In process, nothing leaves the machine; bounded by a 90-minute time-out.
# Arguments: [TARGETS] [EVALUATION_INTERVAL_SECONDS] [PHASES] (defaults 10000, 300, all); OPT_OUT names the JSON
# (default bench/results/optimization.json).
#   bench/run-optimization.sh 10000 300 grain   # the daily recompute on one silo: about 25 min on two idle cores
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Optimization.Benchmarks -c Release --nologo -v q
timeout 5400 dotnet bench/Optimization.Benchmarks/bin/Release/net10.0/Autoscaler.Optimization.Benchmarks.dll \
  "${OPT_OUT:-bench/results/optimization.json}" "${1:-10000}" "${2:-300}" "${3:-all}"
