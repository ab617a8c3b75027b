#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the tests and for local runs of the server.
#
#   pg-cluster.sh start  DIR PORT   create the cluster in DIR once, start it (idempotent, waits
#                                   until it accepts connections)
#   pg-cluster.sh stop   DIR PORT   fast shutdown (idempotent)
#   pg-cluster.sh status DIR PORT   prints "running" (exit 0) or "stopped" (exit 3)
#   pg-cluster.sh url    DIR PORT   prints postgresql://galaxy@127.0.0.1:PORT/postgres
#
# The cluster trusts every local connection as user "galaxy" and listens only on 127.0.0.1:PORT
# and on a unix socket in DIR. Data lives in DIR/data, the server log in DIR/postgres.log.
# PostgreSQL refuses to run as root: as root, DIR is given to the postgres user and every
# PostgreSQL program runs through runuser. Prints nothing but errors.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
SUPERUSER=galaxy

die() {
    printf 'pg-cluster: %s\n' "$*" >&2
    exit 1
}

usage() {
    die "usage: pg-cluster.sh start|stop|status|url DIR PORT"
}

(($# == 3)) || usage
ACTION=$1
DIR=$2
PORT=$3
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
    die "bad port: $PORT"
fi

if [[ "$ACTION" == url ]]; then
    printf 'postgresql://%s@127.0.0.1:%s/postgres\n' "$SUPERUSER" "$PORT"
    exit 0
fi
[[ "$ACTION" =~ ^(start|stop|status)$ ]] || usage

[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
    die "PostgreSQL 15 not found in $PG_BIN: install postgresql (make setup)"

# Nothing to stop or report for a cluster never created.
if [[ ! -d "$DIR" && "$ACTION" != start ]]; then
    if [[ "$ACTION" == status ]]; then
        echo stopped
        exit 3
    fi
    exit 0
fi
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
DATA=$DIR/data
LOG=$DIR/postgres.log

# The server's socket path must fit in sockaddr_un (107 bytes).
SOCKET=$DIR/.s.PGSQL.$PORT
((${#SOCKET} <= 107)) || die "path too long for a unix socket (${#SOCKET} > 107 bytes): $SOCKET"

# Runs a PostgreSQL program as the user that owns the cluster. The lock descriptor (9) is
# closed for it: a server started with it open would hold the lock for its whole life.
as_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@" 9>&-
    else
        "$@" 9>&-
    fi
}

if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "user postgres missing: install postgresql (make setup)"
    chown postgres: "$DIR"
    as_owner test -x "$DIR" ||
        die "user postgres cannot reach $DIR (a parent directory is not searchable)"
fi

# One invocation at a time per cluster: ctest may start and stop fixtures of several test runs.
exec 9>>"$DIR/.lock"
flock 9

# State letter of the postmaster named in postmaster.pid ("Z" for a zombie); fails when there
# is no such file or no such postgres process.
postmaster_state() {
    local pid
    pid=$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ "$(ps -o comm= -p "$pid" 2>/dev/null)" == postgres ]] || return 1
    ps -o stat= -p "$pid" | cut -c 1
}

# pg_ctl status counts a killed postmaster that init has not reaped yet (a zombie) as running.
is_running() {
    local state
    state=$(postmaster_state) && [[ "$state" != Z ]]
}

# A killed server leaves postmaster.pid behind. pg_ctl handles that once the process is gone,
# but a zombie still looks alive to it: wait for init to reap it, and if init does not, remove
# the file (the server's children exit as soon as they see it died).
clear_stale_pid_file() {
    local waited=0
    while [[ "$(postmaster_state)" == Z ]]; do
        if ((waited >= 100)); then
            rm -f "$DATA/postmaster.pid"
            return 0
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

create_cluster() {
    # A directory without PG_VERSION is an interrupted initdb: start over.
    rm -rf "$DATA"
    local output
    if ! output=$(as_owner "$PG_BIN/initdb" -D "$DATA" -A trust -U "$SUPERUSER" -E UTF8 \
        --no-locale 2>&1); then
        printf '%s\n' "$output" >&2
        die "initdb failed in $DATA"
    fi
}

start_cluster() {
    is_running && return 0
    port_in_use && die "port $PORT on 127.0.0.1 is in use by another process"
    [[ -f "$DATA/PG_VERSION" ]] || create_cluster
    clear_stale_pid_file
    if ! as_owner "$PG_BIN/pg_ctl" start -w -s -t 60 -D "$DATA" -l "$LOG" \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$DIR'" \
        >/dev/null 2>&1; then
        tail -n 20 "$LOG" >&2 2>/dev/null || true
        die "PostgreSQL did not start (port $PORT, log $LOG)"
    fi
}

stop_cluster() {
    is_running || return 0
    as_owner "$PG_BIN/pg_ctl" stop -w -s -m fast -t 60 -D "$DATA" >/dev/null ||
        die "PostgreSQL did not stop (log $LOG)"
}

case "$ACTION" in
start) start_cluster ;;
stop) stop_cluster ;;
status)
    if is_running; then
        echo running
    else
        echo stopped
        exit 3
    fi
    ;;
esac
