#!/usr/bin/env bash
# Starts the portal on the embedded default (as scripts/start.sh does), waits until the
# example catalog is served, runs the Playwright tests in headless Chromium, stops it.
# E2E_PORTAL_CONFIG names a config file layered on app-config.yaml (e.g. one plugin
# misconfigured, packages/app/e2e-tests/not-running).
# Expects setup.sh to have run (test.sh sources it first).
set -euo pipefail
cd "$(dirname "$0")/.."

# Outside e2e-test-results/, which Playwright empties when it starts.
log_file="${E2E_PORTAL_LOG:-test-results/e2e-portal.log}"
mkdir -p "$(dirname "$log_file")"

if curl -sf http://localhost:7007/.backstage/health/v1/readiness >/dev/null 2>&1; then
  echo "A portal is already running on :7007; stop it first so the test starts a fresh one." >&2
  exit 1
fi

# What tracked files under examples/ and templates/ look like before the portal runs.
tracked_state() { git diff -- examples templates | sha256sum; }
state_before="$(tracked_state)"

config_args=()
if [[ -n "${E2E_PORTAL_CONFIG:-}" ]]; then
  config_args=(--config "$PWD/app-config.yaml" --config "$(realpath "$E2E_PORTAL_CONFIG")")
fi
setsid backstage-cli repo start "${config_args[@]}" >"$log_file" 2>&1 &
portal_pid=$!
trap 'kill -- -"$portal_pid" 2>/dev/null || true; wait "$portal_pid" 2>/dev/null || true; rm -rf .data/repositories/e2e-*' EXIT

wait_for() {
  local what="$1" url="$2" deadline=$((SECONDS + 300))
  until curl -sf "$url" >/dev/null 2>&1; do
    if ! kill -0 "$portal_pid" 2>/dev/null || ((SECONDS > deadline)); then
      echo "The portal did not serve $what; its log:" >&2
      tail -50 "$log_file" >&2
      exit 1
    fi
    sleep 2
  done
}
# The guest signs in as a catalog user: until the catalog has read the examples, sign-in
# works but every call as that user is refused.
guest_token() {
  curl -sf -H 'X-Requested-With: XMLHttpRequest' 'http://localhost:7007/api/auth/guest/refresh?env=development' |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).backstageIdentity.token))'
}
wait_for_guest() {
  local deadline=$((SECONDS + 300)) token
  until token="$(guest_token 2>/dev/null)" &&
    curl -sf -H "Authorization: Bearer $token" http://localhost:7007/api/catalog/entities/by-name/user/default/alex.rivera >/dev/null 2>&1; do
    if ! kill -0 "$portal_pid" 2>/dev/null || ((SECONDS > deadline)); then
      echo "The guest could not read the catalog as user:default/alex.rivera; the portal's log:" >&2
      tail -50 "$log_file" >&2
      exit 1
    fi
    sleep 2
  done
}
wait_for "the backend" http://localhost:7007/.backstage/health/v1/readiness
wait_for_guest
wait_for "the frontend" http://localhost:3000
echo "portal is up; running Playwright"
playwright test "$@"

# Running the portal must not change tracked files (the TechDocs generator rewrites
# mkdocs.yml in place for local docs; examples keep the form it writes).
if [[ "$(tracked_state)" != "$state_before" ]]; then
  echo "Running the portal modified tracked files under examples/ or templates/:" >&2
  git diff --stat -- examples templates >&2
  exit 1
fi
