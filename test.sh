#!/usr/bin/env bash
# The one test command: build, start real PostgreSQL + nats-server (deploy/local), run every test project, stop the
# servers whatever happens, exit non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export AWS_EC2_METADATA_DISABLED=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

. deploy/local/lib.sh
ensure_packages
ensure_test_packages
ensure_deploy_linters

dotnet build Orleans.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

eval "$(deploy/local/servers.sh start)"
trap 'deploy/local/servers.sh stop "$AUTOSCALER_LOCAL_DIR"' EXIT INT TERM
# Tests reach the servers through AUTOSCALER_TEST_*; silos they host choose their own mode, so no ambient settings leak.
unset ConnectionStrings__Autoscaler Nats__Url

status=0
log_file=$(mktemp)
for project in tests/*.Tests/*.csproj; do
  echo "== $(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$log_file" \
    || status=1
done

# One closing line for the whole suite, summed over the projects' own summaries.
sum() { grep -oE "$1: +[0-9]+" "$log_file" | awk '{ n += $2 } END { print n + 0 }'; }
echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
rm -f "$log_file"
exit $status
