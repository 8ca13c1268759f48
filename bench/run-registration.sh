#!/usr/bin/env bash
# Registration benchmark (issue 16): today's per-target path against one fleet call (SDK and REST) for 10,000 targets,
# each scenario on a real silo process with a fresh PostgreSQL database. Loopback only, bounded (10 minutes at most); writes
# bench/results/registration.json and prints a table. Sizes: BENCH_TARGETS (10000), BENCH_BASELINE_TARGETS (2000); BENCH_OUT names another
# output file (a trial run at a small size).
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Registration -c Release -nologo -clp:ErrorsOnly >/dev/null
eval "$(deploy/local/servers.sh start)"
trap 'deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR" >/dev/null 2>&1 || true' EXIT
timeout 600 dotnet bench/Registration/bin/Release/net10.0/Autoscaler.Registration.Benchmarks.dll --out "${BENCH_OUT:-bench/results/registration.json}"
