#!/usr/bin/env bash
# Runs the benchmarks. Usage: bash bench/run.sh [catalog|templates|scorecards ...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh start
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(catalog templates scorecards)
for bench in "${benches[@]}"; do
  node "bench/$bench.mjs"
done
