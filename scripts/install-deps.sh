#!/usr/bin/env bash
# Installs what caunoi needs on Debian 12, and only what is missing.
# Called by `make run` and `make test`; a stamp file makes a second call instant.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 libicu-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  libcli11-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libargon2-dev libssl-dev libxapian-dev
  nodejs npm chromium
  python3 clang libclang-rt-14-dev wrk curl
)

missing=()
for p in "${PKGS[@]}"; do
  # nodejs may come from NodeSource rather than Debian; accept any installed node+npm.
  if [[ $p == nodejs || $p == npm ]] && command -v node >/dev/null && command -v npm >/dev/null; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "caunoi: cài đặt gói còn thiếu / installing missing packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  # The tests start their own throwaway PostgreSQL (scripts/pg-temp.sh): the package must not
  # create and start a system cluster. postgresql-common reads this before postgresql-15 installs.
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql-common
    $SUDO sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' \
      /etc/postgresql-common/createcluster.conf
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end packages, from the committed lock file; redone only when the lock changes.
if [[ -f web/package-lock.json ]]; then
  if [[ ! -f web/node_modules/.lock-stamp ]] || ! cmp -s web/package-lock.json web/node_modules/.lock-stamp; then
    # npm ci refuses this lock when the registry lacks rollup's optional per-platform packages
    # (npm 11 then leaves them out of the lock, seen on this machine's registry). npm install
    # still takes every version from the lock; only the missing optional entries are skipped.
    (cd web && { npm ci --no-audit --no-fund 2>/tmp/caunoi-npm-ci.log ||
                 { grep -q "in sync" /tmp/caunoi-npm-ci.log && npm install --no-audit --no-fund; } ||
                 { cat /tmp/caunoi-npm-ci.log >&2; exit 1; }; })
    cp web/package-lock.json web/node_modules/.lock-stamp
  fi
fi
