#!/usr/bin/env bash
# Runs the scaling benchmarks in Release (short job, in process: about 2 minutes) and writes bench/results/scaling.json.
# `--window-memory`: only the memory one full window holds (accounting and live heap; seconds, nothing written).
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Scaling.Benchmarks -c Release --nologo -v q
if [[ "${1:-}" == --window-memory ]]; then
  exec dotnet bench/Scaling.Benchmarks/bin/Release/net10.0/Autoscaler.Scaling.Benchmarks.dll --window-memory
fi
dotnet bench/Scaling.Benchmarks/bin/Release/net10.0/Autoscaler.Scaling.Benchmarks.dll bench/results/scaling.json
echo
cat bench/results/scaling.json
