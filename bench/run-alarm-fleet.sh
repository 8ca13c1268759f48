#!/usr/bin/env bash
# 100,000 alarms evaluated every 60 s on one silo (in process: one-silo InProcessTestCluster, no servers): process CPU per
# round against idle and the same clock step without alarms, measured in the same run. Creating the alarms takes most of
# the time (each is a grain write, a directory entry and a reminder): 244 alarms/s for 2,000 alarms on a quieter 2-core
# machine, 64/s for 20,000 under a load average of 30-60; the run is killed after 50 minutes. Writes bench/results/alarm-fleet.json.
#   BENCH_ALARMS=100000 BENCH_ALARM_TARGETS=1000 BENCH_ALARM_ROUNDS=3 bench/run-alarm-fleet.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/AlarmFleet -c Release -nologo -clp:ErrorsOnly >/dev/null
timeout 3000 dotnet bench/AlarmFleet/bin/Release/net10.0/Autoscaler.AlarmFleet.Benchmarks.dll --out bench/results/alarm-fleet.json
