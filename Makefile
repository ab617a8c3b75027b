# Galaxy: the project's commands. Builds use the CMake presets (CMakePresets.json); build trees
# live under build/. Every target that needs tools runs scripts/setup.sh first, which is fast
# and offline once everything is installed.
#
#   make setup   install the Debian packages the build needs (root, first time only)
#   make build   build the native and WebAssembly presets
#   make test    build and test the native, emscripten and sanitize presets, then the JavaScript
#                (Vitest) and browser (Playwright, headless Chromium) suites, and the offline
#                check of the Kubernetes manifests (what CI runs)
#   make run     build the client and start the game on http://localhost:8000 (with a private
#                PostgreSQL cluster in .data/pg unless GALAXY_DATABASE_URL is set)
#   make demo    run galaxy-sim on a demo scenario and print what it did
#   make bench   run the benchmarks (bench/run.sh); make bench-load: the server load benchmark;
#                make bench-client: the browser client's frame time and size (headless Chromium)
#   make fuzz    run every protocol fuzz target for FUZZ_SECONDS (default 300) each
#   make clean   delete the build trees

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# The project's machines have 2 cores.
JOBS := 2

# Emscripten 3.1.6 runs its JS optimiser with the machine's Node, which does not search
# Debian's module folder; without this every optimised link fails with "Cannot find module
# 'acorn'" (see /work/shared/toolchain.md).
export NODE_PATH := /usr/share/nodejs

# The demo scenario of `make demo`: one day of game time, 10 s ticks, 20 scripted ships.
RUN_ARGS := --ships 20 --seed 1 --duration 86400 --dt 10
RUN_OUTPUT := build/run/galaxy-sim-demo.json

# Seconds per protocol fuzz target: a smoke run in make test, a longer one in make fuzz.
FUZZ_SMOKE_SECONDS := 10
FUZZ_SECONDS := 300

.PHONY: setup build test run demo bench bench-load bench-client fuzz clean

setup:
	scripts/setup.sh

build: setup
	cmake --preset native
	cmake --build --preset native -j $(JOBS)
	cmake --preset emscripten
	cmake --build --preset emscripten -j $(JOBS)

# The native test preset includes the cross-target determinism test, which runs the WASM
# build's galaxy-sim.js: build both trees before running either suite.
test: setup
	cmake --preset emscripten
	cmake --build --preset emscripten -j $(JOBS)
	cmake --preset native
	cmake --build --preset native -j $(JOBS)
	ctest --preset emscripten -j $(JOBS) --output-on-failure
	ctest --preset native -j $(JOBS) --output-on-failure
	npx vitest run
	npx playwright test
	scripts/check-k8s.sh
	cmake --preset sanitize
	cmake --build --preset sanitize -j $(JOBS)
	ctest --preset sanitize -j $(JOBS) --output-on-failure
	scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)
	@echo "make test: all passed (native, emscripten, Vitest, Playwright, Kubernetes manifests, sanitize, fuzz smoke run)"

run: setup
	cmake --preset emscripten
	cmake --build --preset emscripten -j $(JOBS) --target galaxy-web-root
	cmake --preset native
	cmake --build --preset native -j $(JOBS) --target galaxy-server
	scripts/run-server.sh

demo: setup
	cmake --preset native
	cmake --build --preset native -j $(JOBS) --target galaxy-sim
	@mkdir -p $(dir $(RUN_OUTPUT))
	@echo "Running: build/native/sim-core/galaxy-sim $(RUN_ARGS)"
	build/native/sim-core/galaxy-sim $(RUN_ARGS) > $(RUN_OUTPUT)
	@node scripts/summarize-run.js $(RUN_OUTPUT)
	@echo
	@echo "Full output ($(RUN_OUTPUT)):"
	@cat $(RUN_OUTPUT)

bench-load: setup
	bench/load.sh

bench-client: setup
	cmake --preset emscripten
	cmake --build --preset emscripten -j $(JOBS) --target galaxy-web-root galaxy-bench-prediction
	cmake --preset native
	cmake --build --preset native -j $(JOBS) --target galaxy-bench-prediction
	@echo "Prediction per frame, native:"
	build/native/bench/galaxy-bench-prediction
	@echo "Prediction per frame, WebAssembly (Node):"
	node build/wasm/bench/galaxy-bench-prediction.js
	node bench/client/frame_bench.mjs

fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

bench: setup
	@if [[ -f bench/run.sh ]]; then bash bench/run.sh; \
	else echo "make bench: bench/run.sh does not exist yet; nothing to run"; fi

clean:
	rm -rf build
