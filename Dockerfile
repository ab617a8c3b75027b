# syntax=docker/dockerfile:1
# The galaxy-server image: the native server, the browser client's web root and the admin tool
# galaxy-admin (for `kubectl exec`), nothing else.
# Used by k8s/ (docs/operations.md):
#
#   docker build -t registry.example.com/galaxy/galaxy-server:0.1.0 .
#
# Stage 1 builds both targets on Debian 12 with the toolchain of scripts/setup.sh; stage 2 is
# Debian 12 slim with only the shared libraries the server links.

FROM debian:12 AS build
ARG DEBIAN_FRONTEND=noninteractive

# The build packages of scripts/setup.sh that the two targets need. Not setup.sh itself: it also
# installs what only the tests use (Chromium, PostgreSQL, clang, GoogleTest, Google Benchmark,
# the npm packages), which would add gigabytes and minutes to every image build.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        cmake ninja-build g++ make pkg-config \
        emscripten node-acorn nodejs \
        nlohmann-json3-dev libboost-dev libpqxx-dev libsodium-dev \
        xz-utils \
 && rm -rf /var/lib/apt/lists/*

# Dear ImGui's sources for the WebAssembly client: Debian's source package (an .orig.tar.xz,
# hence xz-utils above), fetched the way scripts/setup.sh does (the binary package has no .cpp
# files) and unpacked outside the source tree.
RUN sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        > /tmp/deb-src.sources \
 && apt-get -o Dir::Etc::sourcelist=/tmp/deb-src.sources -o Dir::Etc::sourceparts=/dev/null \
        update -q \
 && cd /tmp \
 && apt-get -o Dir::Etc::sourcelist=/tmp/deb-src.sources -o Dir::Etc::sourceparts=/dev/null \
        source --download-only imgui \
 && tar -xf /tmp/imgui_1.86*.orig.tar.* -C /opt \
 && test -f /opt/imgui-1.86/imgui.cpp \
 && rm -rf /tmp/imgui* /tmp/deb-src.sources /var/lib/apt/lists/*

WORKDIR /src
COPY . .

# Emscripten 3.1.6 runs its JS optimiser with Node, which must find Debian's acorn module.
ENV NODE_PATH=/usr/share/nodejs
# The presets of CMakePresets.json, without the test suites and benchmarks.
RUN cmake --preset native -DGALAXY_BUILD_TESTS=OFF -DGALAXY_BUILD_BENCH=OFF \
 && cmake --build --preset native --target galaxy-server galaxy-admin --parallel "$(nproc)"
RUN cmake --preset emscripten -DGALAXY_BUILD_TESTS=OFF -DGALAXY_BUILD_BENCH=OFF \
        -DGALAXY_IMGUI_DIR=/opt/imgui-1.86 \
 && cmake --build --preset emscripten --target galaxy-web-root --parallel "$(nproc)" \
 && test -f build/wasm/web/wasm/galaxy-client.wasm


FROM debian:12-slim
ARG DEBIAN_FRONTEND=noninteractive

# The shared libraries galaxy-server links (ldd): libpqxx and libpq for PostgreSQL, libsodium
# for Argon2id; libstdc++ and libgcc are in the base image. Boost is header-only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpqxx-6.4 libpq5 libsodium23 \
 && rm -rf /var/lib/apt/lists/*

# A fixed uid/gid, so that Kubernetes' runAsNonRoot can verify it (k8s/galaxy-deployment.yaml
# runs as 10001 too). The server writes no files: logs go to stdout, state to the database.
RUN groupadd --gid 10001 galaxy \
 && useradd --uid 10001 --gid galaxy --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin galaxy

COPY --from=build /src/build/native/server/galaxy-server /usr/local/bin/galaxy-server
COPY --from=build /src/build/native/admin/galaxy-admin /usr/local/bin/galaxy-admin
COPY --from=build /src/build/wasm/web /usr/share/galaxy/web
# Every setting with its default, for reference; the server reads it only if
# GALAXY_CONFIG_FILE names it (the Kubernetes manifests pass settings as variables instead).
COPY config/server.example.json /usr/share/galaxy/server.example.json

ENV GALAXY_WEB_ROOT=/usr/share/galaxy/web
USER 10001:10001
EXPOSE 8000
# No HEALTHCHECK: the image has no HTTP client, and Kubernetes ignores it in favour of the
# probes on /health/live and /health/ready.
# The server handles SIGTERM itself (final snapshot, exit 0), also as PID 1.
ENTRYPOINT ["/usr/local/bin/galaxy-server"]
