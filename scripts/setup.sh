#!/usr/bin/env bash
# Installs what building and testing Galaxy needs on a fresh Debian 12 machine (run as root).
# Idempotent: packages already installed are detected with dpkg-query, so a second run neither
# touches the network nor needs root. Only Debian's archive (apt-get) and, later, the npm
# registry are used, plus Debian's source package of Dear ImGui; nothing else is downloaded.
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

# The browser client's tests: Debian's Chromium runs the Playwright suite headless.
CLIENT_PACKAGES=(
    chromium
)

# All Debian packages this script ensures.
PACKAGES=("${BUILD_PACKAGES[@]}" "${SERVER_PACKAGES[@]}" "${CLIENT_PACKAGES[@]}")

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Dear ImGui's sources for the WebAssembly client: Debian ships only headers and a native
# library, so setup fetches Debian's source package (a registry download; nothing of it is
# committed) and unpacks it into third_party/, where the CMake build looks for it.
IMGUI_VERSION=1.86
IMGUI_DIR="$ROOT/third_party/imgui-$IMGUI_VERSION"

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

fetch_imgui_sources() {
    if [[ -f "$IMGUI_DIR/imgui.cpp" && -f "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" ]]; then
        log "Dear ImGui $IMGUI_VERSION sources: present"
        return 0
    fi
    if ((EUID != 0)); then
        echo "setup: error: fetching Dear ImGui's sources needs apt-get as root (run make setup as root)" >&2
        exit 1
    fi
    log "fetching Dear ImGui $IMGUI_VERSION sources (Debian source package imgui)"
    local work sources
    work="$(mktemp -d)"
    sources="$work/deb-src.sources"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$sources"
    local apt_src=(-o "Dir::Etc::sourcelist=$sources" -o Dir::Etc::sourceparts=/dev/null)
    apt-get "${apt_src[@]}" update -q
    (cd "$work" && apt-get "${apt_src[@]}" source --download-only imgui)
    # Back to the binary package lists, so later apt-get installs see the normal archive.
    apt-get update -q
    mkdir -p "$ROOT/third_party"
    tar -xf "$work"/imgui_"$IMGUI_VERSION"*.orig.tar.* -C "$work"
    rm -rf "$IMGUI_DIR"
    mv "$work/imgui-$IMGUI_VERSION" "$IMGUI_DIR"
    rm -rf "$work"
    [[ -f "$IMGUI_DIR/imgui.cpp" ]] || { echo "setup: error: imgui.cpp missing after unpacking" >&2; exit 1; }
}

# The JavaScript test tools (Vitest, Playwright) at the versions package-lock.json pins.
install_npm_packages() {
    if [[ -f "$ROOT/node_modules/.package-lock.json" && \
          "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]]; then
        log "npm packages: present"
        return 0
    fi
    # Not `npm ci`: this machine's npm is configured with omit-lockfile-registry-resolved, and
    # npm ci then refuses the lock file (it reports other platforms' optional packages as
    # missing). `npm install --no-save` installs the locked versions and leaves the lock alone.
    log "npm install (locked versions)"
    (cd "$ROOT" && npm install --no-audit --no-fund --no-save)
}

# kubectl renders and checks the Kubernetes manifests offline (scripts/check-k8s.sh). Debian's
# package is kubernetes-client; a kubectl installed otherwise is used as it is.
ensure_kubectl() {
    if command -v kubectl > /dev/null; then
        log "kubectl: present"
        return 0
    fi
    install_debian_packages kubernetes-client
}

install_debian_packages "${PACKAGES[@]}"
ensure_kubectl
fetch_imgui_sources
install_npm_packages
log "done"
