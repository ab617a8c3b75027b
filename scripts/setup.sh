#!/usr/bin/env bash
# Installs what building and testing Galaxy needs on a fresh Debian 12 machine (run as root).
# Idempotent: packages already installed are detected with dpkg-query, so a second run neither
# touches the network nor needs root. Only Debian's archive (apt-get) and, later, the npm
# registry are used; nothing else is downloaded.
#
# To add a dependency, append it to the right list below (one package per line).
set -euo pipefail

# Build tools and libraries of the C++ code (native and WebAssembly).
BUILD_PACKAGES=(
    cmake
    ninja-build
    g++
    make
    git
    pkg-config
    emscripten          # em++ 3.1.6 for the WebAssembly build
    node-acorn          # Emscripten's JS optimiser needs it (with NODE_PATH=/usr/share/nodejs)
    nodejs              # runs the WASM tests and galaxy-sim.js
    libgtest-dev        # GoogleTest libraries, and sources in /usr/src/googletest for WASM
    libbenchmark-dev
    nlohmann-json3-dev
    libeigen3-dev
)

# The game server and its tests.
SERVER_PACKAGES=(
    libboost-dev        # Boost.Beast and Asio (header-only)
    libpqxx-dev         # PostgreSQL client (libpqxx 6.4)
    libsodium-dev       # Argon2id password hashing, HMAC-SHA-256 for tokens
    postgresql          # initdb/pg_ctl for the private cluster of make run and the tests
    clang               # libFuzzer targets for the protocol decoders
)

# All Debian packages this script ensures.
PACKAGES=("${BUILD_PACKAGES[@]}" "${SERVER_PACKAGES[@]}")

log() { printf 'setup: %s\n' "$*"; }

# Prints the packages of the given list that are not installed (one dpkg-query for all).
missing_packages() {
    local -A installed=()
    local package status
    while read -r package status; do
        if [[ "$status" == "installed" ]]; then installed["$package"]=1; fi
    done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
    for package in "$@"; do
        if [[ -z "${installed[$package]:-}" ]]; then printf '%s\n' "$package"; fi
    done
}

install_debian_packages() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if ((${#missing[@]} == 0)); then
        log "Debian packages: all ${#} present"
        return 0
    fi
    log "Debian packages missing: ${missing[*]}"
    if ((EUID != 0)); then
        echo "setup: error: installing packages needs root; run 'sudo make setup' or as root:" >&2
        echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    log "apt-get update"
    apt-get update -q
    log "apt-get install ${missing[*]}"
    apt-get install -y -q "${missing[@]}"
    mapfile -t missing < <(missing_packages "$@")
    if ((${#missing[@]} != 0)); then
        echo "setup: error: still missing after apt-get install: ${missing[*]}" >&2
        exit 1
    fi
}

install_debian_packages "${PACKAGES[@]}"
log "done"
