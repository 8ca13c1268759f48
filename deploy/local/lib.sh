#!/usr/bin/env bash
# Shared helpers for the local real stack: install (if missing) and run PostgreSQL 15 and nats-server on loopback,
# on free ports, under one throwaway directory. Sourced by servers.sh, cluster.sh and test.sh.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '[local] %s\n' "$*" >&2; }

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# install_missing PACKAGE:PROBE... installs (apt) every package whose probe command or path is absent.
install_missing() {
  local missing=() entry package probe
  for entry in "$@"; do
    package=${entry%%:*}; probe=${entry#*:}
    if [ "${probe#/}" != "$probe" ]; then [ -x "$probe" ] || missing+=("$package")
    else command -v "$probe" >/dev/null 2>&1 || missing+=("$package"); fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (apt)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Another apt run (unattended upgrades, a second engineer's script) holds the lock: wait for it instead of failing.
  local wait=(-o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT:-600}")
  $sudo apt-get "${wait[@]}" update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait[@]}" install -y -qq "${missing[@]}" >/dev/null
}

# The servers every local stack needs.
ensure_packages() { install_missing "postgresql-15:$PG_BIN/initdb" nats-server:nats-server; }

# Extra real peers the test suite drives: Prometheus (pull metric source) and Chromium (dashboard browser test).
ensure_test_packages() { install_missing prometheus:prometheus chromium:/usr/bin/chromium; ensure_fonts; }

# Capacity-planning charts (src/Reporting, ScottPlot) draw their text in DejaVu Sans.
ensure_fonts() { [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || install_missing fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; }

# run_as_pg CMD...: PostgreSQL refuses to run as root, so as root we switch to the postgres user.
run_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() { # $1 = state dir; prints the port
  local dir=$1 port; port=$(free_port)
  mkdir -p "$dir/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir/pg"
  (cd /tmp && run_as_pg "$PG_BIN/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1) \
    || { cat "$dir/pg/initdb.log" >&2; return 1; }
  (cd /tmp && run_as_pg "$PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/pg.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir/pg -c max_connections=300 -c fsync=off" -w start >/dev/null) \
    || { cat "$dir/pg/pg.log" >&2; return 1; }
  echo "$port"
}

stop_postgres() { # $1 = state dir
  [ -d "$1/pg/data" ] && (cd /tmp && run_as_pg "$PG_BIN/pg_ctl" -D "$1/pg/data" stop -m fast >/dev/null 2>&1) || true
}

start_nats() { # $1 = state dir; prints the port
  local dir=$1 port; port=$(free_port)
  mkdir -p "$dir/nats"
  nats-server -a 127.0.0.1 -p "$port" -js -sd "$dir/nats/js" -l "$dir/nats/nats.log" -P "$dir/nats/nats.pid" >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "$port"; return 0; }
    sleep 0.1
  done
  log "nats-server did not start"; return 1
}

stop_nats() { # $1 = state dir
  local pidfile="$1/nats/nats.pid"
  [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
}

# The checkers tests/Deploy.Tests runs on deploy/ (see deploy/README.md), cached under .local/deploy-lint (git-ignored)
# and linked into its bin/: cfn-lint from PyPI into a venv (pinned; where PyPI is out of reach, the cfn-lint the machine
# already has), and from npm, pinned by deploy/lint/package-lock.json, cfn-guard with AWS Control Tower's proactive
# controls (@cdklabs/cdk-validator-cfnguard ships both) and the Kubernetes schema validators of kubernetes-models.
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEPLOY_LINT_DIR=${DEPLOY_LINT_DIR:-$REPO_ROOT/.local/deploy-lint}
CFN_LINT_VERSION=1.51.0

ensure_deploy_linters() {
  local dir=$DEPLOY_LINT_DIR lint=$REPO_ROOT/deploy/lint found
  install_missing nodejs:node npm:npm
  mkdir -p "$dir/bin"
  if [ ! -x "$dir/bin/cfn-lint" ]; then
    if python3 -m venv "$dir/venv" >/dev/null 2>&1 \
      && "$dir/venv/bin/pip" install -q --retries 1 --timeout 20 "cfn-lint==$CFN_LINT_VERSION" >/dev/null 2>&1; then
      ln -sf "$dir/venv/bin/cfn-lint" "$dir/bin/cfn-lint"
    elif found=$(command -v cfn-lint); then
      log "PyPI unreachable: using $found ($("$found" --version 2>&1))"
      ln -sf "$found" "$dir/bin/cfn-lint"
    else
      log "cfn-lint: neither PyPI nor an installed cfn-lint is available"; return 1
    fi
  fi
  if ! cmp -s "$lint/package-lock.json" "$dir/npm/package-lock.json" || [ ! -d "$dir/npm/node_modules" ]; then
    log "installing cfn-guard rules and Kubernetes schemas (npm ci)"
    rm -rf "$dir/npm" && mkdir -p "$dir/npm" && cp "$lint/package.json" "$lint/package-lock.json" "$dir/npm/"
    # The validator's peer dependency (aws-cdk-lib, for CDK apps) is not needed to run cfn-guard on a template.
    (cd "$dir/npm" && npm ci --legacy-peer-deps --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
  ln -sf "$dir/npm/node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard" "$dir/bin/cfn-guard"
}
