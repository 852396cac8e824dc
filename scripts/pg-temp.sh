#!/usr/bin/env bash
# scripts/pg-temp.sh — a throwaway PostgreSQL server for tests and manual trials: initdb into a
# fresh temporary directory, a free loopback port, the unix socket in that directory, a generated
# password; stopped and removed when it ends. No system service is touched.
#
#   scripts/pg-temp.sh                 prints the server's URL, then serves until stdin closes
#                                      (Ctrl-D) or the script gets Ctrl-C / SIGTERM.
#   scripts/pg-temp.sh -- CMD ARGS…    runs CMD with CAUNOI_TEST_PG_URL set, then stops the server;
#                                      exits with CMD's status.
#
# The C++ test fixture (tests/store/pg_server.cpp) starts this script with a pipe as stdin: when the
# test process ends, even by a crash or SIGKILL, the pipe closes and the server is cleaned up.
# initdb refuses root, and CI runs as root: as root, the server runs as `nobody` (setpriv), and
# dies with this script (parent-death signal) should the script itself be killed.
# Exit status 3: no PostgreSQL binaries on this machine (tests skip on it).
# CAUNOI_PG_OPTIONS adds server options, e.g. for a diagnosis:
#   CAUNOI_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements" scripts/pg-temp.sh
set -euo pipefail

say() { echo "pg-temp: $*" >&2; }

# The newest installed server, unless CAUNOI_PG_BIN names one.
bindir=${CAUNOI_PG_BIN:-}
if [[ -z $bindir ]]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x $d/postgres && -x $d/initdb ]] && bindir=$d
  done
fi
if [[ -z $bindir ]] && command -v postgres >/dev/null && command -v initdb >/dev/null; then
  bindir=$(dirname "$(command -v postgres)")
fi
if [[ -z $bindir || ! -x $bindir/postgres ]]; then
  say "không tìm thấy PostgreSQL (initdb, postgres) / no PostgreSQL binaries: install postgresql-15"
  exit 3
fi

# Directories of earlier runs whose owner died without cleaning up (a SIGKILLed script).
for old in /tmp/caunoi-pg.*; do
  [[ -f $old/owner.pid ]] || continue
  kill -0 "$(cat "$old/owner.pid")" 2>/dev/null || rm -rf "$old"
done

tmp=$(mktemp -d /tmp/caunoi-pg.XXXXXX)
echo $$ >"$tmp/owner.pid"
pg_pid=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [[ -n $pg_pid ]] && kill -0 "$pg_pid" 2>/dev/null; then
    kill -INT "$pg_pid" 2>/dev/null || true # fast shutdown: ends sessions, no wait for clients
    for _ in $(seq 100); do
      kill -0 "$pg_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# As root: run as nobody, in a directory nobody owns. The parent-death signal makes the server
# stop at once (SIGQUIT: immediate shutdown) if this script is killed before it can clean up.
as_user=(setpriv --pdeathsig SIGQUIT)
if [[ $(id -u) -eq 0 ]]; then
  chown nobody:nogroup "$tmp"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --pdeathsig SIGQUIT)
fi

# URL-safe, so that it goes into a URL as it is.
password=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
(umask 077 && echo "$password" >"$tmp/pw")
[[ $(id -u) -eq 0 ]] && chown nobody:nogroup "$tmp/pw"
# C collation: text sorts by bytes, as SQLite's default BINARY collation does.
if ! "${as_user[@]}" "$bindir/initdb" -D "$tmp/data" -U caunoi --pwfile="$tmp/pw" \
  --auth=scram-sha-256 -E UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2
  say "initdb thất bại / initdb failed"
  exit 1
fi
rm -f "$tmp/pw"

# A free port: try a random one; postgres refuses a port in use, then the next try takes another.
port=""
for _ in 1 2 3 4 5 6 7 8; do
  try=$((20000 + RANDOM % 40000))
  : >"$tmp/server.log"
  [[ $(id -u) -eq 0 ]] && chown nobody:nogroup "$tmp/server.log"
  # Durability is of no use to a throwaway server; speed is.
  "${as_user[@]}" "$bindir/postgres" -D "$tmp/data" -p "$try" -k "$tmp" \
    -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB \
    ${CAUNOI_PG_OPTIONS:-} >>"$tmp/server.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 300); do
    if ! kill -0 "$pg_pid" 2>/dev/null; then break; fi
    if "$bindir/pg_isready" -q -h "$tmp" -p "$try" -U caunoi -d postgres; then
      port=$try
      break
    fi
    sleep 0.1
  done
  [[ -n $port ]] && break
  kill -QUIT "$pg_pid" 2>/dev/null || true
  wait "$pg_pid" 2>/dev/null || true
  pg_pid=""
  grep -q "could not bind\|Address already in use" "$tmp/server.log" || break
done
if [[ -z $port ]]; then
  cat "$tmp/server.log" >&2
  say "máy chủ PostgreSQL không khởi động được / the server did not start"
  exit 1
fi

url="postgresql://caunoi:$password@127.0.0.1:$port/postgres"
if [[ ${1:-} == "--" ]]; then
  shift
  say "$url ($tmp)"
  set +e
  CAUNOI_TEST_PG_URL=$url "$@"
  exit $?
fi
echo "$url"
say "đang chạy; Ctrl-C hoặc đóng stdin để dừng / serving; Ctrl-C or close stdin to stop"
while read -r _; do :; done
