#!/usr/bin/env bash
# Runs the alarm engine benchmarks in Release (short job, in process: about a minute) and writes bench/results/alarms.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Alarms.Benchmarks -c Release --nologo -v q
dotnet bench/Alarms.Benchmarks/bin/Release/net10.0/Autoscaler.Alarms.Benchmarks.dll bench/results/alarms.json
echo
cat bench/results/alarms.json
