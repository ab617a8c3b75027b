// The end-to-end harness: a private PostgreSQL cluster and galaxy-server as a child process.
// Global setup starts both and global teardown stops them; the specs reach the running server
// through the state file (the runner's main process and the test workers are separate
// processes, so the server's pid is shared on disk), e.g. to restart it.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root (this file lives in <root>/e2e).
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Everything a run writes: cluster, server log, state, screenshots, report.
export const E2E_DIR = path.join(ROOT, 'build', 'e2e');
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');

// What `make test` builds; override with the environment to test other build trees.
export const SERVER_BINARY = path.resolve(
  process.env.GALAXY_SERVER_BINARY || path.join(ROOT, 'build/native/server/galaxy-server'));
export const WEB_ROOT = path.resolve(
  process.env.GALAXY_WEB_ROOT || path.join(ROOT, 'build/wasm/web'));

// Ports of the server and of the cluster (chosen away from the other suites' ports).
export const SERVER_PORT = Number(process.env.GALAXY_E2E_PORT || 8490);
export const PG_PORT = Number(process.env.GALAXY_E2E_PG_PORT || 55490);
export const BASE_URL = `http://127.0.0.1:${SERVER_PORT}`;

// The bootstrap admin the server creates at start (docs/admin-api.md, "Accounts"); the admin
// spec logs in with it. A fixed test password (at least 12 bytes), like the cluster's trust
// authentication: the server listens on loopback only.
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e admin password';

const PG_DIR = path.join(E2E_DIR, 'pg');
const PG_SCRIPT = path.join(ROOT, 'scripts', 'pg-cluster.sh');
const STATE_FILE = path.join(E2E_DIR, 'state.json');
const SECRET_FILE = path.join(E2E_DIR, 'jwt-secret');
export const SERVER_LOG = path.join(E2E_DIR, 'server.log');

// The server answers /health/ready within a second or two of starting on a fresh J2000 world;
// the limit covers a loaded machine.
const READY_TIMEOUT_MS = 60_000;
// The server promises to exit within 10 s of SIGTERM (docs/server.md, "Shutdown").
const EXIT_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pgCluster(action) {
  return execFileSync(PG_SCRIPT, [action, PG_DIR, String(PG_PORT)], { encoding: 'utf8' }).trim();
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeState(state) {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}

// Whether pid is a running galaxy-server started from SERVER_BINARY. A zombie counts as gone
// (it has exited; only its parent has not collected it yet), and so does a recycled pid.
function isServerRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  let stat;
  let exe;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    exe = fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return false;
  }
  const processState = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return processState !== 'Z' && exe.replace(/ \(deleted\)$/, '') === fs.realpathSync(SERVER_BINARY);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// The last lines of the server log, for failure messages.
export function serverLogTail(lines = 30) {
  try {
    return fs.readFileSync(SERVER_LOG, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

// The server's JSON log lines with "event" == event, in order.
export function serverLogEvents(event) {
  let text = '';
  try {
    text = fs.readFileSync(SERVER_LOG, 'utf8');
  } catch {
    return [];
  }
  const events = [];
  for (const line of text.split('\n')) {
    try {
      const json = JSON.parse(line);
      if (json && json.event === event) events.push(json);
    } catch {
      // Not every line is JSON (e.g. a configuration error); only events are wanted here.
    }
  }
  return events;
}

// The server's environment: only PATH and the settings below, so that GALAXY_* variables of
// the shell running the tests (a config file, another port) cannot change the server under test.
function serverEnvironment() {
  return {
    PATH: process.env.PATH,
    GALAXY_BIND: '127.0.0.1',
    GALAXY_PORT: String(SERVER_PORT),
    GALAXY_DATABASE_URL: pgCluster('url'),
    GALAXY_JWT_SECRET_FILE: SECRET_FILE,
    GALAXY_WEB_ROOT: WEB_ROOT,
    // The cheapest Argon2id libsodium accepts: registering takes milliseconds, not a second of
    // one of the machine's two cores per player.
    GALAXY_ARGON2_OPSLIMIT: '1',
    GALAXY_ARGON2_MEMLIMIT_BYTES: '8192',
    // The login spec fails on purpose; a re-run within the minute must not meet E022.
    GALAXY_LOGIN_ATTEMPTS_PER_IP: '1000',
    GALAXY_LOGIN_ATTEMPTS_PER_USER: '1000',
    GALAXY_LOG_LEVEL: 'info',
    GALAXY_ADMIN_USERNAME: ADMIN_USERNAME,
    GALAXY_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
}

// Starts the server (same port, database and secret every time) and waits until it is ready.
export async function startServer() {
  if (await portInUse(SERVER_PORT)) {
    throw new Error(`port ${SERVER_PORT} is in use: set GALAXY_E2E_PORT to a free port`);
  }
  const log = fs.openSync(SERVER_LOG, 'a');
  // Detached: the server is ended by its pid only (teardown, restart), never by a signal sent
  // to the test runner's process group, and it outlives the worker that restarted it.
  const child = spawn(SERVER_BINARY, [], {
    env: serverEnvironment(),
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.unref();
  if (!child.pid) throw new Error(`could not start ${SERVER_BINARY}`);
  writeState({ ...readState(), serverPid: child.pid });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let finished = null;
  exited.then((status) => {
    finished = status;
  });
  while (Date.now() < deadline) {
    if (finished) {
      throw new Error(`galaxy-server exited (${JSON.stringify(finished)}) before it was ready:\n` +
        serverLogTail());
    }
    try {
      const response = await fetch(`${BASE_URL}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return child.pid;
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_MS);
  }
  throw new Error(`galaxy-server was not ready within ${READY_TIMEOUT_MS} ms:\n${serverLogTail()}`);
}

// SIGTERM to the server of the state file, then waits for it to exit (SIGKILL after the
// shutdown limit). Returns true when it shut down on SIGTERM, false if it had to be killed or
// was not running.
export async function stopServer() {
  const pid = readState().serverPid;
  if (!isServerRunning(pid)) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isServerRunning(pid)) return true;
    await sleep(POLL_MS);
  }
  process.kill(pid, 'SIGKILL');
  while (isServerRunning(pid)) await sleep(POLL_MS);
  return false;
}

// The reconnect test's server restart: a clean shutdown, then the same server again.
export async function restartServer() {
  if (!(await stopServer())) {
    throw new Error(`galaxy-server did not shut down within ${EXIT_TIMEOUT_MS} ms of SIGTERM:\n` +
      serverLogTail());
  }
  return startServer();
}

// Global setup: a fresh cluster (a new world and no accounts every run), a new secret, the
// server. Anything left over by an interrupted run is stopped first.
export async function setUp() {
  for (const [what, file] of [['galaxy-server', SERVER_BINARY], ['web root', path.join(WEB_ROOT, 'index.html')]]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${what} not found at ${file}: build it (make build) or set ` +
        (what === 'galaxy-server' ? 'GALAXY_SERVER_BINARY' : 'GALAXY_WEB_ROOT'));
    }
  }
  fs.mkdirSync(E2E_DIR, { recursive: true });
  await stopServer();
  pgCluster('stop');
  fs.rmSync(PG_DIR, { recursive: true, force: true });
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(SERVER_LOG, '');
  writeState({});
  fs.writeFileSync(SECRET_FILE, randomBytes(48).toString('base64'), { mode: 0o600 });
  try {
    pgCluster('start');
    await startServer();
  } catch (error) {
    await tearDown().catch(() => {});
    throw error;
  }
}

// Global teardown: the server, then the cluster (its data stays for a look after a failure).
export async function tearDown() {
  const clean = await stopServer();
  pgCluster('stop');
  return clean;
}
