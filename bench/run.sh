#!/usr/bin/env bash
# Runs the benchmarks. Usage: bash bench/run.sh [name ...]   (default: all of them)
# Names: catalog templates slo cost dora scorecards. A bench written in TypeScript (bench/<name>.ts) runs
# through Backstage's node transform, so it can use the plugins' test helpers.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh start
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(catalog templates slo cost dora scorecards)
for bench in "${benches[@]}"; do
  if [[ -f "bench/$bench.ts" ]]; then
    node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs "bench/$bench.ts"
  else
    node "bench/$bench.mjs"
  fi
done
