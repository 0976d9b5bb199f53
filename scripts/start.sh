#!/usr/bin/env bash
# Starts the portal on the embedded default: SQLite, the examples/ organisation, guest
# sign-in. Frontend on http://localhost:3000, backend on http://localhost:7007.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh start
exec node .yarn/releases/yarn-*.cjs start "$@"
