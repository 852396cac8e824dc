#!/usr/bin/env bash
# Runs every benchmark under bench/ (Release build in build/). Each benchmark measures caunoi
# against a baseline in the same run and prints the ratio; see README for what each one claims.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
ran=0
for b in build/bench/*_bench build/*_bench; do
  [[ -x $b ]] || continue
  echo "=== $(basename "$b") ==="
  "$b"
  ran=1
done
((ran)) || { echo "Không có benchmark nào trong build/ (chạy make build trước)."; exit 1; }
