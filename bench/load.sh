#!/usr/bin/env bash
# bench/load.sh (`make bench-load`): the server load benchmark. For each client count N it
# starts a fresh galaxy-server (new world, empty database) on a private PostgreSQL cluster,
# runs galaxy-load with N simulated players against it, stops the server, and prints the
# results with the machine they ran on. The results are also written to
# build/bench/load-results.md (with the raw JSON in build/bench/load-<N>.json and the server
# logs in build/bench/load-server-<N>.log).
#
# Usage: bench/load.sh [options] [N ...]      (default N: 100 1000)
#   --big          also run N=10000 (after the others; a few minutes)
#   --duration S   measuring window per N after every client joined (default 30)
#   --ramp S       seconds over which the connections open (default max(5, N/100))
#   --control-interval S  mean seconds between a client's control messages (default 2)
#   --no-build     use the binaries already built
# Environment: JOBS (build parallelism, default 2), NATIVE_DIR (build tree, default build/native).
#
# Notes printed with the results:
# - Registration uses Argon2id with opslimit 1 and 8 KiB of memory instead of the interactive
#   defaults (opslimit 2, 64 MiB): registering 1,000 players would otherwise take minutes and
#   measure nothing the game does while running.
# - galaxy-load runs on the same machine as the server and shares its cores.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

JOBS=${JOBS:-2}
NATIVE_DIR=${NATIVE_DIR:-build/native}
OUT_DIR=build/bench
PG_DIR=$OUT_DIR/pg
PG_PORT=55434
SERVER_PORT=8100
DURATION=30
CONTROL_INTERVAL=2
RAMP=
BUILD=1
BIG=0
COUNTS=()

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

while (($# > 0)); do
    case "$1" in
        --big) BIG=1 ;;
        --duration) DURATION=${2:?}; shift ;;
        --ramp) RAMP=${2:?}; shift ;;
        --control-interval) CONTROL_INTERVAL=${2:?}; shift ;;
        --no-build) BUILD=0 ;;
        -h|--help) usage ;;
        [0-9]*) COUNTS+=("$1") ;;
        *) usage ;;
    esac
    shift
done
((${#COUNTS[@]} > 0)) || COUNTS=(100 1000)
((BIG)) && COUNTS+=(10000)

log() { printf 'load: %s\n' "$*" >&2; }

if ((BUILD)); then
    if [[ "$NATIVE_DIR" == build/native ]]; then
        cmake --preset native > /dev/null
        cmake --build --preset native -j "$JOBS" --target galaxy-server galaxy-load
    else
        cmake --build "$NATIVE_DIR" -j "$JOBS" --target galaxy-server galaxy-load
    fi
fi
SERVER=$NATIVE_DIR/server/galaxy-server
LOAD=$NATIVE_DIR/bench/galaxy-load
for f in "$SERVER" "$LOAD"; do
    [[ -x "$f" ]] || { echo "load: $f is missing (run without --no-build)" >&2; exit 1; }
done

mkdir -p "$OUT_DIR"
# Each client and each server-side connection is a file descriptor.
ulimit -n "$(ulimit -Hn)"

server_pid=
stop_server() {
    [[ -n "$server_pid" ]] || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 150); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
        log "server did not stop within 15 s; killing it"
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
cleanup() {
    stop_server
    scripts/pg-cluster.sh stop "$PG_DIR" "$PG_PORT" || true
}
trap cleanup EXIT

log "starting PostgreSQL in $PG_DIR on port $PG_PORT"
scripts/pg-cluster.sh start "$PG_DIR" "$PG_PORT"
PG_URL=$(scripts/pg-cluster.sh url "$PG_DIR" "$PG_PORT")
DB_URL=${PG_URL%/*}/galaxy_load

CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_TOTAL=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
MACHINE="$(nproc) cores, $CPU_MODEL, $MEM_TOTAL RAM, Linux $(uname -r)"
NOTES=(
    "Server and load generator run on the same machine and share its $(nproc) cores; the generator's own CPU use is in each table."
    "Registration uses Argon2id opslimit 1 / 8 KiB (GALAXY_ARGON2_OPSLIMIT=1, GALAXY_ARGON2_MEMLIMIT_BYTES=8192) instead of the interactive defaults: registering 1,000 players with those would take minutes and measure nothing of the running game."
    "Each N runs against a fresh server and an empty database (a new world at J2000: the catalog's bodies, the default stations and the N players' ships)."
    "Every client sends a control message (random throttle and attitude mode) every $CONTROL_INTERVAL s +-50% on average."
)

RESULTS=$OUT_DIR/load-results.md
{
    echo "# Server load benchmark"
    echo
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    [[ -z "$(git status --porcelain 2>/dev/null)" ]] || commit="$commit with uncommitted changes"
    echo "Command: \`bench/load.sh ${COUNTS[*]}\` (duration $DURATION s), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
    echo
    echo "Machine: $MACHINE"
    echo
    for note in "${NOTES[@]}"; do echo "- $note"; done
    echo
} > "$RESULTS"
log "machine: $MACHINE"
for note in "${NOTES[@]}"; do log "note: $note"; done

SECRET=$(head -c 48 /dev/urandom | base64 -w0)

for n in "${COUNTS[@]}"; do
    ramp=${RAMP:-$(( n / 100 > 5 ? n / 100 : 5 ))}
    # Above 1,000 clients a full decode of every update by every client would cost the
    # generator more CPU than the server spends: 100 clients decode in full, the rest read the
    # frame head (tick count, server time); joins get time for N keyframes of N ships each.
    decode_every=$(( n > 1000 ? n / 100 : 1 ))
    join_timeout=$(( n > 1000 ? 1800 : 60 ))
    log "N=$n: fresh database, starting galaxy-server on port $SERVER_PORT"
    PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" \
        -c 'DROP DATABASE IF EXISTS galaxy_load' -c 'CREATE DATABASE galaxy_load' > /dev/null
    server_log=$OUT_DIR/load-server-$n.log
    GALAXY_BIND=127.0.0.1 GALAXY_PORT=$SERVER_PORT GALAXY_DATABASE_URL=$DB_URL \
        GALAXY_JWT_SECRET=$SECRET GALAXY_WEB_ROOT=$ROOT/web \
        GALAXY_ARGON2_OPSLIMIT=1 GALAXY_ARGON2_MEMLIMIT_BYTES=8192 \
        GALAXY_MAX_CONNECTIONS_PER_IP=100000 GALAXY_LOG_LEVEL=warn \
        "$SERVER" > "$server_log" 2>&1 &
    server_pid=$!
    ready=0
    for _ in $(seq 1200); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$SERVER_PORT/health/ready" 2>/dev/null; then
            ready=1
            break
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.25
    done
    if ((!ready)); then
        log "N=$n: the server did not become ready within 300 s; its log ($server_log):"
        tail -n 20 "$server_log" >&2
        exit 1
    fi
    json=$OUT_DIR/load-$n.json
    table=$OUT_DIR/load-$n.txt
    # Other work on the machine shows in the latencies: record how busy it was.
    loadavg=$(cut -d' ' -f1-3 /proc/loadavg)
    status=0
    "$LOAD" --url "http://127.0.0.1:$SERVER_PORT" --clients "$n" --duration "$DURATION" \
        --ramp "$ramp" --control-interval "$CONTROL_INTERVAL" --server-pid "$server_pid" \
        --full-decode-every "$decode_every" --join-timeout "$join_timeout" \
        --json-file "$json" > "$table" || status=$?
    if ! kill -0 "$server_pid" 2>/dev/null; then
        wait "$server_pid" && code=0 || code=$?
        server_pid=
        log "N=$n: the server exited during the run (status $code); its log ($server_log):"
        tail -n 20 "$server_log" >&2
        cat "$table"
        exit 1
    fi
    stop_server
    cat "$table"
    log "N=$n: load average before the run: $loadavg"
    {
        echo "## N = $n"
        echo
        echo "Load average (1, 5, 15 min) before the run: $loadavg."
        if ((decode_every > 1)); then
            echo "Every ${decode_every}th client decoded each update in full; the others read its head."
        fi
        echo
        echo '```'
        cat "$table"
        echo '```'
        echo
    } >> "$RESULTS"
    if ((status != 0)); then
        log "N=$n: galaxy-load failed (exit $status); server log: $server_log"
        exit "$status"
    fi
done
log "results written to $RESULTS"
