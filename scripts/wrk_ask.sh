#!/usr/bin/env bash
# scripts/wrk_ask.sh [DB] [SECONDS] — throughput of the automatic Q&A over HTTP: starts
# `build/caunoi serve` on a loopback port (rate limit off: wrk is one client address) with the
# given database (default caunoi.db, as `make run` leaves it), drives POST /api/v1/qa/ask with
# wrk (Debian's wrk; 2 threads, 50 connections) for SECONDS (default 20), prints wrk's report
# with its latency distribution, and stops the server. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-caunoi.db}
secs=${2:-20}
port=18080
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
build/caunoi serve --db "$db" --port "$port" --rate-limit 0 > /tmp/caunoi-wrk-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.2
done
wrk -t2 -c50 -d"${secs}s" --latency -s scripts/wrk_ask.lua "http://127.0.0.1:$port"
