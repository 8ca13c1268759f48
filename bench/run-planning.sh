#!/usr/bin/env bash
# Capacity-planning benchmarks (about 3 minutes on 2 cores): closed-loop evaluations per second against open loop, a year
# at 5-minute resolution end to end through the CLI (--summary-only against every decision), tune with 500 candidates on
# every core against one, predictive against target tracking alone. Writes bench/results/planning.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Cli -c Release --nologo -v q
dotnet build bench/Planning.Benchmarks -c Release --nologo -v q
dotnet bench/Planning.Benchmarks/bin/Release/net10.0/Autoscaler.Planning.Benchmarks.dll bench/results/planning.json src/Cli/bin/Release/net10.0/autoscaler.dll
