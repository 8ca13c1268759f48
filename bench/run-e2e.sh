#!/usr/bin/env bash
# End-to-end benchmark (issue 5): a real silo process on PostgreSQL with NATS ingestion, fed over a real nats-server.
# (a) bare-subscriber ceiling, (b) publish → samples applied in grain windows (single and batched), (c) breaching sample →
# webhook call latency, (d) memory per target and CPU at a sustained 1 Hz from 10 agents of every target.
# `--first-reaction`: only (c), the first reaction after start with the warm-ups off and on (issue 19, docs/first-reaction.md).
# `--jetstream`: single-sample and batched bursts into core mode, core mode with a larger client buffer and jetstream mode,
# against the bare subscriber, BENCH_TURNS turns (default 3), then the duplicate filter's heap against a window's:
# bench/results/ingestion-modes.json (issue 19). `--duplicate-filter-memory`: only that heap comparison,
# bench/results/duplicate-filter.json.
# Bounded (< 4 minutes); writes bench/results/e2e.json (or E2E_OUT) and prints a table. Sizes: BENCH_TARGETS, BENCH_SINGLE_ROUNDS,
# BENCH_BATCH_ROUNDS, BENCH_REACTIONS, BENCH_SUSTAIN_TARGETS, BENCH_SUSTAIN_SECONDS, BENCH_REGISTRATION_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Silo -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/EndToEnd -c Release -nologo -clp:ErrorsOnly >/dev/null
eval "$(deploy/local/servers.sh start)"
trap 'deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR" >/dev/null 2>&1 || true' EXIT
if [[ "${1:-}" == --first-reaction ]]; then
  # Only (c) on fresh silos, the warm-ups (Actuators:WarmUp, Decisions:WarmUp) off (baseline) then on, BENCH_TURNS
  # turns (default 3), stopped after 10 minutes:
  # bench/results/first-reaction.json.
  timeout 600 dotnet bench/EndToEnd/bin/Release/net10.0/Autoscaler.EndToEnd.Benchmarks.dll --first-reaction --out bench/results/first-reaction.json
elif [[ "${1:-}" == --duplicate-filter-memory ]]; then
  timeout 120 dotnet bench/EndToEnd/bin/Release/net10.0/Autoscaler.EndToEnd.Benchmarks.dll --duplicate-filter-memory --out bench/results/duplicate-filter.json
elif [[ "${1:-}" == --jetstream ]]; then
  timeout 420 dotnet bench/EndToEnd/bin/Release/net10.0/Autoscaler.EndToEnd.Benchmarks.dll --jetstream --out bench/results/ingestion-modes.json
else
  timeout 225 dotnet bench/EndToEnd/bin/Release/net10.0/Autoscaler.EndToEnd.Benchmarks.dll --out "${E2E_OUT:-bench/results/e2e.json}"
fi
