#!/usr/bin/env bash
# Builds the web front end into web/dist, only when a source file is newer than the last build.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=dist/.stamp
if [[ -f $stamp ]] && [[ -z $(find src index.html package-lock.json vite.config.ts -newer "$stamp" 2>/dev/null | head -1) ]]; then
  exit 0
fi
npm run build --silent
touch "$stamp"
