#!/usr/bin/env bash
# bench/run.sh (`make bench`): builds the benchmarks in the presets' trees (build/native,
# build/wasm), runs Google Benchmark (galaxy-bench, the native reference) and the portable
# harness on both targets (galaxy-bench-portable natively, galaxy-bench-wasm.js under Node), and
# prints one side-by-side table. The table, with the machine it ran on, is also written to
# build/bench/results.md for pasting into bench/RESULTS.md; raw outputs stay next to it.
#
# Usage: bench/run.sh [--quick] [--rounds N] [--min-time S] [--clock cpu|wall] [--no-build]
#   --quick      0.1 s per case and one round (a smoke test, not a measurement)
#   --rounds N   run the portable harness N times per target, alternating native and WASM, and
#                keep each case's fastest round (default 2; evens out load that comes and goes)
#   --min-time S measuring time per case and target (default 0.5)
#   --clock      which time the table shows: process CPU time (default; robust when other jobs
#                share the 2 cores) or wall time. Both are in the raw JSON.
#   --no-build   use the binaries already built
# Environment: JOBS (build parallelism, default 2), NATIVE_DIR / WASM_DIR / OUT_DIR to use other
# build trees (defaults build/native, build/wasm, build/bench).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Emscripten's optimiser and nothing else needs Debian's Node modules (toolchain.md).
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

JOBS=${JOBS:-2}
NATIVE_DIR=${NATIVE_DIR:-build/native}
WASM_DIR=${WASM_DIR:-build/wasm}
OUT_DIR=${OUT_DIR:-build/bench}
ROUNDS=2
MIN_TIME=0.5
CLOCK=cpu
BUILD=1
COMMAND="bench/run.sh $*"

while (($# > 0)); do
    case "$1" in
        --quick) MIN_TIME=0.1; ROUNDS=1 ;;
        --rounds) ROUNDS=$2; shift ;;
        --min-time) MIN_TIME=$2; shift ;;
        --clock) CLOCK=$2; shift ;;
        --no-build) BUILD=0 ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    esac
    shift
done
if [[ "$CLOCK" != cpu && "$CLOCK" != wall ]]; then
    echo "bench: --clock must be cpu or wall" >&2
    exit 2
fi

log() { printf 'bench: %s\n' "$*" >&2; }

if ((BUILD)); then
    if [[ "$NATIVE_DIR" == build/native ]]; then
        cmake --preset native > /dev/null
        cmake --build --preset native -j "$JOBS" --target galaxy-bench galaxy-bench-portable
    else
        cmake --build "$NATIVE_DIR" -j "$JOBS" --target galaxy-bench galaxy-bench-portable
    fi
    if [[ "$WASM_DIR" == build/wasm ]]; then
        cmake --preset emscripten > /dev/null
        cmake --build --preset emscripten -j "$JOBS" --target galaxy-bench-wasm
    else
        cmake --build "$WASM_DIR" -j "$JOBS" --target galaxy-bench-wasm
    fi
fi

GBENCH=$NATIVE_DIR/bench/galaxy-bench
PORTABLE=$NATIVE_DIR/bench/galaxy-bench-portable
WASM_JS=$WASM_DIR/bench/galaxy-bench-wasm.js
for f in "$GBENCH" "$PORTABLE" "$WASM_JS"; do
    if [[ ! -f "$f" ]]; then
        echo "bench: $f is missing (run without --no-build)" >&2
        exit 1
    fi
done

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/*.jsonl "$OUT_DIR"/gbench.json "$OUT_DIR"/results.md

# "AMD EPYC (family 25, model 1, KVM guest)": what lscpu tells of the processor.
cpu_description() {
    local info name family model hypervisor
    info=$(lscpu)
    name=$(sed -n 's/^Model name: *//p' <<< "$info" | head -1)
    family=$(sed -n 's/^CPU family: *//p' <<< "$info" | head -1)
    model=$(sed -n 's/^Model: *//p' <<< "$info" | head -1)
    hypervisor=$(sed -n 's/^Hypervisor vendor: *//p' <<< "$info" | head -1)
    printf '%s (family %s, model %s%s)' "$name" "$family" "$model" "${hypervisor:+, $hypervisor guest}"
}

# The machine, for the record (one JSON object; the report adds the load at the end).
node -e '
const os = require("os");
const out = {
  cpu: process.argv[1], cores: os.cpus().length, kernel: os.release(),
  node: process.version, gxx: process.argv[2], emcc: process.argv[3],
  date: new Date().toISOString(), load_before: os.loadavg(),
};
console.log(JSON.stringify(out));
' "$(cpu_description)" \
  "$(g++ --version | head -1)" "$(emcc --version 2> /dev/null | head -1 | sed "s/ (Emscripten[^)]*)//; s/ ()//")" \
  > "$OUT_DIR/machine.json"

log "Google Benchmark (native reference), ${MIN_TIME} s per case"
"$GBENCH" --benchmark_min_time="$MIN_TIME" \
    --benchmark_out="$OUT_DIR/gbench.json" --benchmark_out_format=json

for ((r = 1; r <= ROUNDS; r++)); do
    log "portable harness, round $r of $ROUNDS: native"
    "$PORTABLE" --min-time "$MIN_TIME" > "$OUT_DIR/native.$r.jsonl"
    log "portable harness, round $r of $ROUNDS: wasm (node $WASM_JS)"
    node "$WASM_JS" --min-time "$MIN_TIME" > "$OUT_DIR/wasm.$r.jsonl"
done

# The report: reads the raw outputs, prints the tables and writes results.md.
node - "$OUT_DIR" "$CLOCK" "$COMMAND" "$MIN_TIME" "$ROUNDS" <<'JS'
const fs = require("fs");
const os = require("os");
const path = require("path");
const [dir, clock, command, minTime, rounds] = process.argv.slice(2);
const key = clock === "cpu" ? "cpu_ns_min" : "wall_ns_min";

// Fastest round per target and case.
const best = { native: {}, wasm: {} };
const compilers = {};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
  for (const line of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (!r.name) { compilers[r.target] = r.compiler; continue; }
    const old = best[r.target][r.name];
    if (!old || r[key] < old[key]) best[r.target][r.name] = r;
  }
}
const gb = {};
for (const b of JSON.parse(fs.readFileSync(path.join(dir, "gbench.json"), "utf8")).benchmarks) {
  const scale = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[b.time_unit];
  gb[b.name.replace(/\/iterations:\d+/, "")] = (clock === "cpu" ? b.cpu_time : b.real_time) * scale;
}
const machine = JSON.parse(fs.readFileSync(path.join(dir, "machine.json"), "utf8"));
machine.load_after = os.loadavg();

const fmtNs = (ns) => {
  if (ns === undefined || !isFinite(ns)) return "—";
  if (ns >= 1e6) return (ns / 1e6).toFixed(2) + " ms";
  if (ns >= 1e3) return (ns / 1e3).toFixed(1) + " µs";
  return ns.toFixed(0) + " ns";
};
const fmtUnit = (ns) => (ns === undefined || !isFinite(ns) ? "—" : ns.toFixed(2));
const fmtRatio = (x) => (x === undefined || !isFinite(x) ? "—" : x.toFixed(2) + "×");
const table = (head, rows) => {
  const cells = [head, ...rows];
  const w = head.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (r) => "| " + r.map((c, i) => String(c).padEnd(w[i])).join(" | ") + " |";
  return [line(head), "|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|", ...rows.map(line)].join("\n");
};
const t = (target, name) => best[target][name] && best[target][name][key];

// Step cases. Per ship-body: the marginal cost, (T(N) - T(0)) / (substeps * 4 * N * 34), so it
// includes everything a ship adds to a tick (ship systems, gather/scatter, crash and Hill-sphere
// checks), not only the kernel. Per body pair: all of a ship-less tick over its pair count, an
// upper bound (it includes the two stations, integrator overhead and the J2 terms).
const stepRows = [];
let worstRatio = 0;
for (const name of Object.keys(best.native).filter((n) => n.startsWith("Step/"))) {
  const n = best.native[name], w = best.wasm[name];
  const zero = name.replace(/ships:\d+/, "ships:0");
  const marginal = (target) => {
    const r = best[target][name];
    if (!r || r.ships === 0) return undefined;
    return (r[key] - t(target, zero)) / r.ship_body;
  };
  const pairs = (target) => (best[target][name] && best[target][name].ships === 0
    ? t(target, name) / best[target][name].body_pairs : undefined);
  const ratio = w ? w[key] / n[key] : undefined;
  if (ratio > worstRatio) worstRatio = ratio;
  stepRows.push([
    `${n.ships} ships, dt ${n.dt_s} s (${n.substeps} substep${n.substeps > 1 ? "s" : ""})`,
    fmtNs(n[key]), fmtNs(w && w[key]), fmtRatio(ratio),
    fmtUnit(marginal("native")), fmtUnit(marginal("wasm")),
    n.ships === 0 ? `${fmtUnit(pairs("native"))} / ${fmtUnit(pairs("wasm"))}` : "—",
    fmtNs(gb[name]),
  ]);
}
const kernelRows = [];
let worstKernel = 0;
for (const name of Object.keys(best.native).filter((n) => n.startsWith("Kernel/"))) {
  const n = best.native[name], w = best.wasm[name];
  const units = n.ship_body || n.body_pairs;
  const nn = n[key] / units, wn = w ? w[key] / units : undefined;
  if (n.ship_body && nn > worstKernel) worstKernel = nn;
  kernelRows.push([
    n.ship_body ? `particle_accelerations, ${n.particles} ships × ${n.bodies} bodies`
                : `body_accelerations, ${n.body_pairs} pairs`,
    n.ship_body ? "ship-body" : "body pair",
    fmtUnit(nn), fmtUnit(wn), fmtRatio(wn / nn), fmtUnit(gb[name] / units),
  ]);
}
const scriptedRows = [];
for (const name of Object.keys(best.native).filter((n) => n.startsWith("StepScripted/"))) {
  const n = best.native[name], w = best.wasm[name];
  scriptedRows.push([`${n.ships} ships, dt ${n.dt_s} s`, fmtNs(n[key]), fmtNs(w && w[key]),
                     fmtRatio(w && w[key] / n[key]), fmtNs(gb[name])]);
}

const clockName = clock === "cpu" ? "process CPU time" : "wall time";
const out = [];
out.push(`Measured ${machine.date} with \`${command.trim()}\``);
out.push("");
out.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, Linux ${machine.kernel}`);
out.push(`- Native: ${compilers.native || machine.gxx} (sim-core -O3, -ffp-contract=off -fno-math-errno)`);
out.push(`- WASM: ${(compilers.wasm || machine.emcc).replace(/\s+\)/, ")")} (-msimd128), run by Node ${machine.node}`);
out.push(`- Load average (1/5/15 min) before: ${machine.load_before.map((x) => x.toFixed(2)).join(" / ")},` +
         ` after: ${machine.load_after.map((x) => x.toFixed(2)).join(" / ")}`);
out.push(`- Times: ${clockName}, fastest repetition, fastest of ${rounds} round(s), ≥ ${minTime} s per case` +
         " (portable harness, both targets); GB = Google Benchmark, native, same clock");
out.push("");
out.push("Step, ships coasting in HOLD (ns/ship-body: marginal cost per ship-body interaction," +
         " (T(N) − T(0)) / (substeps·4·N·34); ns/body-body: ship-less tick / (substeps·4·561))");
out.push("");
out.push(table(["case", "native ns/tick", "wasm ns/tick", "ratio", "native ns/ship-body",
                "wasm ns/ship-body", "ns/body-body (native / wasm)", "GB ns/tick"], stepRows));
out.push("");
out.push("Kernels, one force evaluation (ns per interaction)");
out.push("");
out.push(table(["kernel", "unit", "native", "wasm", "ratio", "GB native"], kernelRows));
if (scriptedRows.length) {
  out.push("");
  out.push("Step with scripted pilots (scripted_controls() each tick, after 512 scripted ticks: ~87% of" +
           " ships turning or burning, attitude integrated in 0.05 s steps; a fixed sequence of ticks," +
           " so both targets do identical work)");
  out.push("");
  out.push(table(["case", "native ns/tick", "wasm ns/tick", "ratio", "GB ns/tick"], scriptedRows));
}
out.push("");
out.push(`Targets: native ship-body kernel ≤ 3 ns: worst ${worstKernel.toFixed(2)} ns` +
         ` (${worstKernel <= 3 ? "met" : "MISSED"}); WASM ≤ 1.5× native per tick: worst ` +
         `${worstRatio.toFixed(2)}× (${worstRatio <= 1.5 ? "met" : "MISSED"})`);
const text = out.join("\n") + "\n";
fs.writeFileSync(path.join(dir, "results.md"), text);
process.stdout.write("\n" + text);
console.log(`\n(written to ${path.join(dir, "results.md")})`);
JS
