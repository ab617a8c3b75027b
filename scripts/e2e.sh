#!/usr/bin/env bash
# Builds what the browser end-to-end tests need, then runs them (Playwright, e2e/):
#
#   scripts/e2e.sh [playwright test arguments, e.g. --grep login]
#
# galaxy-server comes from the native preset (build/native) and the web root from the
# emscripten preset (build/wasm/web), unless GALAXY_SERVER_BINARY / GALAXY_WEB_ROOT name other
# builds (then nothing is built for that part). Screenshots, the HTML report and the server's
# log land in build/e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

# Emscripten 3.1.6 runs its JS optimiser with the machine's Node (see /work/shared/toolchain.md).
export NODE_PATH=/usr/share/nodejs
JOBS=2

if [[ -z "${GALAXY_SERVER_BINARY:-}" ]]; then
    cmake --preset native >/dev/null
    cmake --build --preset native -j "$JOBS" --target galaxy-server
fi
if [[ -z "${GALAXY_WEB_ROOT:-}" ]]; then
    cmake --preset emscripten >/dev/null
    cmake --build --preset emscripten -j "$JOBS" --target galaxy-web-root
fi
exec npx playwright test "$@"
