#!/usr/bin/env bash
# Runs the benchmarks. Usage: bash bench/run.sh [catalog|templates|falco ...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh start
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(catalog templates falco)
for bench in "${benches[@]}"; do
  case "$bench" in
    # Ingest on SQLite and on PostgreSQL (scripts/postgres.sh exports PORTAL_TEST_POSTGRES_URL).
    falco) source scripts/postgres.sh && node bench/falco.mjs ;;
    *) node "bench/$bench.mjs" ;;
  esac
done
