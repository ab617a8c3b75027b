#!/usr/bin/env bash
# Starts the game server on http://localhost:${GALAXY_PORT:-8000} (what `make run` runs).
#
# Without GALAXY_DATABASE_URL it uses a private PostgreSQL cluster in .data/pg (created on the
# first run, started here, stopped when the server exits), so the next run continues the same
# world. Without GALAXY_JWT_SECRET(_FILE) it uses a random secret kept in .data/jwt-secret, and
# without GALAXY_ADMIN_PASSWORD(_FILE) a random admin password kept in .data/admin-password.
# Ctrl-C stops the server cleanly (final snapshot), then the cluster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${GALAXY_SERVER_BIN:-$ROOT/build/native/server/galaxy-server}"
DATA="$ROOT/.data"
PG_PORT="${GALAXY_PG_PORT:-55432}"

log() { printf 'run: %s\n' "$*"; }

if [[ ! -x "$SERVER" ]]; then
    echo "run: error: $SERVER not built (make run builds it)" >&2
    exit 1
fi
mkdir -p "$DATA"

started_cluster=0
stop_cluster() {
    if ((started_cluster)); then
        log "stopping PostgreSQL"
        "$ROOT/scripts/pg-cluster.sh" stop "$DATA/pg" "$PG_PORT" || true
    fi
}
trap stop_cluster EXIT

if [[ -z "${GALAXY_DATABASE_URL:-}" ]]; then
    log "starting the private PostgreSQL cluster in $DATA/pg on port $PG_PORT"
    # Its own session, so that Ctrl-C reaches only the server: the database must outlive the
    # server's final snapshot.
    setsid --wait "$ROOT/scripts/pg-cluster.sh" start "$DATA/pg" "$PG_PORT"
    started_cluster=1
    GALAXY_DATABASE_URL="$("$ROOT/scripts/pg-cluster.sh" url "$DATA/pg" "$PG_PORT")"
    export GALAXY_DATABASE_URL
fi

if [[ -z "${GALAXY_JWT_SECRET:-}" && -z "${GALAXY_JWT_SECRET_FILE:-}" ]]; then
    if [[ ! -s "$DATA/jwt-secret" ]]; then
        (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$DATA/jwt-secret")
        log "created a random token secret in $DATA/jwt-secret"
    fi
    export GALAXY_JWT_SECRET_FILE="$DATA/jwt-secret"
fi
# The bootstrap admin (docs/admin-api.md): without GALAXY_ADMIN_PASSWORD(_FILE), a random
# password kept in .data/admin-password, printed here so that /admin and galaxy-admin work.
if [[ -z "${GALAXY_ADMIN_PASSWORD:-}" && -z "${GALAXY_ADMIN_PASSWORD_FILE:-}" ]]; then
    if [[ ! -s "$DATA/admin-password" ]]; then
        (umask 077 && head -c 18 /dev/urandom | base64 -w0 > "$DATA/admin-password")
        log "created a random admin password in $DATA/admin-password"
    fi
    export GALAXY_ADMIN_PASSWORD_FILE="$DATA/admin-password"
    log "admin: ${GALAXY_ADMIN_USERNAME:-admin} / $(cat "$DATA/admin-password") at http://localhost:${GALAXY_PORT:-8000}/admin/"
fi
# The web root the emscripten build assembles: web/ plus the client module (make run builds it).
export GALAXY_WEB_ROOT="${GALAXY_WEB_ROOT:-$ROOT/build/wasm/web}"
if [[ ! -f "$GALAXY_WEB_ROOT/wasm/galaxy-client.wasm" ]]; then
    echo "run: error: $GALAXY_WEB_ROOT has no client module (make run builds it)" >&2
    exit 1
fi

log "Galaxy at http://localhost:${GALAXY_PORT:-8000} (Ctrl-C stops it)"
# Not exec: the EXIT trap stops the cluster after the server has shut down. Ctrl-C's SIGINT
# reaches the server directly (same process group); this shell ignores it and waits.
trap '' INT
status=0
"$SERVER" || status=$?
exit "$status"
