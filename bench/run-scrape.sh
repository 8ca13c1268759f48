#!/usr/bin/env bash
# The Prometheus scrape endpoint (/metrics) with 0 (baseline), 1,000 and BENCH_SCRAPE_TARGETS (default 10,000) targets
# reporting capacity (a tenth of them agent pools): time and bytes per scrape over loopback HTTP, and the managed heap
# after the first scrape. In process, nothing leaves the machine; bounded: well under a minute on 2 cores.
# Writes bench/results/scrape.json and prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Scrape -c Release -nologo -clp:ErrorsOnly >/dev/null
timeout 600 dotnet bench/Scrape/bin/Release/net10.0/Autoscaler.Scrape.Benchmarks.dll \
  --targets "${BENCH_SCRAPE_TARGETS:-10000}" --scrapes "${BENCH_SCRAPE_COUNT:-30}" --out bench/results/scrape.json
