#!/usr/bin/env bash
# Offline check of the Kubernetes manifests (k8s/): renders the kustomize base with kubectl and
# asserts what a Galaxy deployment needs (scripts/check-k8s.mjs lists the rules): one replica
# with strategy Recreate, health probes, a grace period for the final snapshot, resources on
# every container, non-root pods, long WebSocket timeouts on the Ingress, a volume for the
# database, no real secrets. Prints one line per failed check and exits 1 if any failed.
#
#   scripts/check-k8s.sh [KUSTOMIZE_DIR]     default: k8s/ of this repository
#
# The Secret template checked is KUSTOMIZE_DIR/secret.template.yaml, or k8s/'s for an overlay
# that has none.
#
# Needs kubectl (Debian package kubernetes-client; KUBECTL=/path/to/kubectl to use another) and
# Node. No cluster is contacted: kubectl runs with an empty configuration and --local.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$ROOT/k8s}"
KUBECTL="${KUBECTL:-kubectl}"

if ! command -v "$KUBECTL" > /dev/null; then
    echo "check-k8s: error: $KUBECTL not found (install the Debian package kubernetes-client)" >&2
    exit 1
fi
# Nothing here may reach a cluster, whatever the caller's kubeconfig says.
export KUBECONFIG=/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Kustomize prints YAML only. A merge patch of nothing, applied locally, prints each object back
# as JSON unchanged, so the assertions read kubectl's own parse instead of a hand-written YAML
# subset (kubectl create --dry-run=client needs a cluster for discovery; this does not).
to_json() {
    "$KUBECTL" patch --local --type merge --patch '{}' --output json --filename "$1"
}

if ! "$KUBECTL" kustomize "$DIR" > "$work/base.yaml"; then
    echo "check-k8s: FAIL kubectl kustomize $DIR does not render"
    exit 1
fi
to_json "$work/base.yaml" > "$work/base.json"
TEMPLATE="$DIR/secret.template.yaml"
[[ -f "$TEMPLATE" ]] || TEMPLATE="$ROOT/k8s/secret.template.yaml"
: > "$work/secret.json"
if [[ -f "$TEMPLATE" ]]; then
    to_json "$TEMPLATE" > "$work/secret.json"
fi

node "$ROOT/scripts/check-k8s.mjs" "$work/base.json" "$work/secret.json" "$ROOT/docs/server.md"
