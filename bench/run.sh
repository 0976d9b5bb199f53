#!/usr/bin/env bash
# Runs the benchmarks. Usage: bash bench/run.sh [name ...]   (default: all of them)
# Names: catalog templates slo errorbudget cost dora scorecards falco platform-review. A bench written in TypeScript
# (bench/<name>.ts) runs through Backstage's node transform, so it can use the plugins'
# test helpers. The test profile installs what some benches run against (Prometheus,
# PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh test
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(catalog templates slo errorbudget cost dora scorecards falco platform-review)
for bench in "${benches[@]}"; do
  case "$bench" in
    # Ingest on SQLite and on PostgreSQL (scripts/postgres.sh exports PORTAL_TEST_POSTGRES_URL).
    falco) source scripts/postgres.sh && node bench/falco.mjs ;;
    *)
      if [[ -f "bench/$bench.ts" ]]; then
        node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs "bench/$bench.ts"
      else
        node "bench/$bench.mjs"
      fi
      ;;
  esac
done
