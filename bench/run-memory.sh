#!/usr/bin/env bash
# Managed heap held per registered target (in process: one-silo InProcessTestCluster, no servers, nothing leaves the
# machine). Each run starts in its own child process: targets registered like bench/EndToEnd (CPU target tracking),
# 10 agents × 1 Hz telemetry for BENCH_MEMORY_MINUTES simulated minutes on a FakeTimeProvider (no sleeping), then
# GC.GetTotalMemory deltas per target; plus a policy grain alone, the 14-day history alone, the telemetry routing, the
# copies Orleans' memory storage keeps (embedded mode only) and what a reload from storage (failover, restart) adds.
# Bounded: about 4 minutes on 2 cores at the defaults (each child is killed after 5 minutes). Writes
# bench/results/memory.json and prints a table.
#   BENCH_MEMORY_TARGETS=1000 BENCH_MEMORY_MINUTES=60 bench/run-memory.sh
# BENCH_MEMORY_DUMP=/tmp/mem writes heap dumps (createdump --withheap) at each run's baseline, registration and end.
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Memory -c Release -nologo -clp:ErrorsOnly >/dev/null
timeout 1500 dotnet bench/Memory/bin/Release/net10.0/Autoscaler.Memory.Benchmarks.dll --out bench/results/memory.json
