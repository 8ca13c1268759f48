#!/bin/sh
# Entry point of the silo image (installed as /usr/local/bin/autoscaler-entrypoint).
# Orleans silos find each other through the membership table, where each silo writes the address it advertises
# (Silo:AdvertisedAddress, default 127.0.0.1: right on one machine, unreachable from another container). Unless
# Silo__AdvertisedAddress is set (Kubernetes sets it from status.podIP), advertise the container's first IPv4 address
# that is neither loopback nor link-local: the Compose network address, or on ECS/Fargate the task's private IP (a task
# may also carry a 169.254.x.x interface, which peers cannot reach). Then run the command (by default the silo).
set -eu

if [ -z "${Silo__AdvertisedAddress:-}" ]; then
  for address in $(hostname -I 2>/dev/null || true); do
    case "$address" in
      *:* | 127.* | 169.254.*) ;;
      *)
        Silo__AdvertisedAddress=$address
        export Silo__AdvertisedAddress
        break
        ;;
    esac
  done
  if [ -z "${Silo__AdvertisedAddress:-}" ]; then
    echo "autoscaler-entrypoint: no IPv4 address to advertise was found; set Silo__AdvertisedAddress" \
      "(the silo falls back to 127.0.0.1, which other silos cannot reach)" >&2
  fi
fi

exec "$@"
