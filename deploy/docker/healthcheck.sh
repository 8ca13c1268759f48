#!/bin/bash
# Container health check of the silo image (installed as /usr/local/bin/autoscaler-healthcheck): the ASP.NET Core
# runtime image has neither curl nor wget, so this sends a plain HTTP/1.1 GET over bash's /dev/tcp and succeeds only
# on a 200 answer.
#   autoscaler-healthcheck [PATH] [PORT]
# PATH defaults to /health/live; PORT to the port of the first URL in `Urls` (the silo's own HTTP binding), else 8080.
set -eu

path=${1:-/health/live}
port=${2:-}
if [ -z "$port" ]; then
  url=${Urls:-http://+:8080}
  url=${url%%;*}    # the first of several URLs
  url=${url%/}      # a trailing slash
  port=${url##*:}
fi

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
status=
IFS= read -r -t 5 status <&3 || true
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *)
    echo "autoscaler-healthcheck: GET $path on port $port answered '${status%$'\r'}'" >&2
    exit 1
    ;;
esac
