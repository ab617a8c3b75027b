#!/usr/bin/env bash
# Cross-target determinism test: runs the native galaxy-sim and the WebAssembly galaxy-sim.js
# (under node) on the same scenario and requires every checkpoint hash and the final hash to be
# identical. Any difference means the two targets compute different bits.
#
# Usage: compare-hashes.sh <native galaxy-sim> <galaxy-sim.js>
#
# The scenario: 24 scripted ships that thrust and turn, 10^6 ticks of 0.1 s (100,000 s of game
# time), 10 checkpoints. Both runners run concurrently (2 cores).
set -euo pipefail

SCENARIO=(--ships 24 --seed 7 --duration 100000 --dt 0.1 --checkpoints 10)
MIN_CHECKPOINTS=5

if (($# != 2)); then
    echo "usage: $0 <native galaxy-sim> <galaxy-sim.js>" >&2
    exit 2
fi
native=$1
wasm=$2
if [[ ! -x "$native" ]]; then
    echo "compare-hashes: native runner '$native' not found or not executable" >&2
    exit 1
fi
if [[ ! -f "$wasm" ]]; then
    echo "compare-hashes: WebAssembly runner '$wasm' not found:" \
         "build the emscripten preset first (cmake --preset emscripten &&" \
         "cmake --build --preset emscripten, or make test)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "compare-hashes: scenario ${SCENARIO[*]}"
start=$SECONDS
"$native" "${SCENARIO[@]}" > "$work/native.json" 2> "$work/native.err" &
native_pid=$!
node "$wasm" "${SCENARIO[@]}" > "$work/wasm.json" 2> "$work/wasm.err" &
wasm_pid=$!
native_status=0
wasm_status=0
wait "$native_pid" || native_status=$?
wait "$wasm_pid" || wasm_status=$?
echo "compare-hashes: both runners finished in $((SECONDS - start)) s"

failed=0
if ((native_status != 0)); then
    echo "compare-hashes: native runner failed with status $native_status:" >&2
    cat "$work/native.err" >&2
    failed=1
fi
if ((wasm_status != 0)); then
    echo "compare-hashes: WebAssembly runner failed with status $wasm_status:" >&2
    cat "$work/wasm.err" >&2
    failed=1
fi
((failed == 0)) || exit 1

# Compares the two documents with node (always installed: it runs the WASM build), printing
# one line per checkpoint and exiting non-zero on any difference.
node - "$work/native.json" "$work/wasm.json" "$MIN_CHECKPOINTS" <<'EOF'
'use strict';
const fs = require('fs');
const [nativePath, wasmPath, minText] = process.argv.slice(2);
const minCheckpoints = Number(minText);

function load(label, path) {
    let doc;
    try {
        doc = JSON.parse(fs.readFileSync(path, 'utf8'));
    } catch (error) {
        console.error(`compare-hashes: ${label} output is not JSON: ${error.message}`);
        process.exit(1);
    }
    const hex = /^[0-9a-f]{16}$/;
    const ok = doc && typeof doc.hash === 'string' && hex.test(doc.hash) &&
               Array.isArray(doc.checkpoints) &&
               doc.checkpoints.every((c) => Number.isInteger(c.tick) && typeof c.hash === 'string' &&
                                            hex.test(c.hash));
    if (!ok) {
        console.error(`compare-hashes: ${label} output lacks a hash or well-formed checkpoints`);
        process.exit(1);
    }
    if (doc.checkpoints.length < minCheckpoints) {
        console.error(`compare-hashes: ${label} printed ${doc.checkpoints.length} checkpoints, ` +
                      `fewer than ${minCheckpoints}`);
        process.exit(1);
    }
    return doc;
}

const native = load('native', nativePath);
const wasm = load('wasm', wasmPath);
let mismatches = 0;
const rows = [];
const count = Math.max(native.checkpoints.length, wasm.checkpoints.length);
for (let i = 0; i < count; ++i) {
    const n = native.checkpoints[i];
    const w = wasm.checkpoints[i];
    const tick = n ? n.tick : w.tick;
    const same = n && w && n.tick === w.tick && n.hash === w.hash;
    if (!same) ++mismatches;
    rows.push(`${same ? ' ' : '!'} tick ${String(tick).padStart(10)}  native ${n ? n.hash : '(missing)'}` +
              `  wasm ${w ? (w.tick === tick ? w.hash : `${w.hash} at tick ${w.tick}`) : '(missing)'}`);
}
const finalSame = native.tick === wasm.tick && native.hash === wasm.hash;
if (!finalSame) ++mismatches;
rows.push(`${finalSame ? ' ' : '!'} final tick ${native.tick}  native ${native.hash}` +
          `  wasm ${wasm.hash}${wasm.tick === native.tick ? '' : ` at tick ${wasm.tick}`}`);

if (mismatches === 0) {
    console.log(rows.join('\n'));
    console.log(`compare-hashes: OK, ${count} checkpoints and the final state match ` +
                `(${native.ships.length} ships, final tick ${native.tick})`);
    process.exit(0);
}
console.error(rows.join('\n'));
console.error(`compare-hashes: FAILED, ${mismatches} of ${count + 1} hashes differ ` +
              'between native and WebAssembly (lines marked !)');
process.exit(1);
EOF
