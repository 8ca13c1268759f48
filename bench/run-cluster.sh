#!/usr/bin/env bash
# Three silos on one machine (issue 19, goal 5): PostgreSQL and nats-server on loopback (servers.sh, a temp dir), three
# silo processes on one fresh database, CLUSTER_TARGETS (30000) targets registered in bulk, telemetry for all of them;
# placement per silo and each silo's deviation from an even share, every target's decision, then one silo stopped and
# started again: time until every target is active again, time until the returning silo's share is back within ±20 %
# (its keep-alive sweep migrates its targets home, CLUSTER_MIGRATIONS_PER_SECOND, 200), whether any target was left
# without an activation, whether every target evaluates after the stop. Loopback only; stops by itself (the program's
# waits are bounded, the whole run at most 25 minutes). Writes CLUSTER_OUT (bench/results/cluster.json).
#   bench/run-cluster.sh     # CLUSTER_TARGETS=30000 CLUSTER_REGISTER_SECONDS=420 CLUSTER_WAIT_SECONDS=150 (each wait)
#                            # CLUSTER_SWEEP_SECONDS=60 CLUSTER_MIGRATIONS_PER_SECOND=200 (the silos' KeepAlive settings)
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Cluster -c Release -nologo -clp:ErrorsOnly >/dev/null
eval "$(deploy/local/servers.sh start)"
trap 'deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR" >/dev/null 2>&1 || true' EXIT
mkdir -p bench/results
timeout 1500 dotnet bench/Cluster/bin/Release/net10.0/Autoscaler.Cluster.Benchmarks.dll --out "${CLUSTER_OUT:-bench/results/cluster.json}"
