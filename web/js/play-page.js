// The game page (play.html): checks the session and WebGL2, downloads and compiles the game
// module with a progress bar, creates the App on the canvas, connects it to the server (or
// starts the offline world for play.html?offline=N) and runs the animation loop.
import { Auth, describeError } from './auth.js';
import { fetchWithProgress, formatProgress } from './loader.js';
import { Connection, socketUrl } from './network.js';
import { OFFLINE_SEED, MAX_OFFLINE_SHIPS, offlineShips } from './offline.js';
import { loadSettings, saveSettings, validateSettings } from './settings.js';

const MODULE_URL = new URL('../wasm/galaxy-client.js', import.meta.url).href;
const WASM_URL = new URL('../wasm/galaxy-client.wasm', import.meta.url).href;
const LOGIN_PAGE = new URL('../', import.meta.url).href;

const WEBGL_HELP = 'Galaxy needs WebGL2. Use a current Firefox, Chrome, Edge or Safari, turn on ' +
                   'hardware acceleration in the browser\'s settings (in Chrome: Settings > ' +
                   'System), update the graphics driver, or try another computer.';

const el = (id) => document.getElementById(id);
const canvas = el('canvas');
const auth = new Auth();

// --- Overlays ------------------------------------------------------------------------------

// The loading screen's line, detail and bar (fraction 0..1, or null for "busy, no measure").
function showStep(step, detail = '', fraction = null) {
  el('loading-step').textContent = step;
  el('loading-detail').textContent = detail;
  const bar = el('loading-bar');
  if (fraction === null) {
    bar.removeAttribute('value');
  } else {
    bar.value = fraction;
  }
}

function hideLoading() {
  el('loading').hidden = true;
  canvas.focus();
}

// The failure screen: what happened, what to do, and optionally one button.
function showFailure(title, message, help = '', action = null) {
  el('loading').hidden = true;
  el('failure-title').textContent = title;
  el('failure-message').textContent = message;
  el('failure-help').textContent = help;
  const button = el('failure-action');
  button.hidden = action === null;
  if (action !== null) {
    button.textContent = action.label;
    button.onclick = () => {
      el('failure').hidden = true;
      action.run();
    };
  }
  el('failure').hidden = false;
}

const reloadAction = { label: 'Reload', run: () => window.location.reload() };

// --- Start-up steps ------------------------------------------------------------------------

// WebGL2 on a scratch canvas: the game's canvas must get its context from the game, with the
// game's attributes.
function hasWebGL2() {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

// Lets the browser paint the loading screen before a long synchronous step.
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// Downloads the .wasm (with progress) and the module's JavaScript, then compiles and starts it.
async function loadGame() {
  showStep('Downloading the game...', '', 0);
  const factory = import(MODULE_URL);
  const wasmBinary = await fetchWithProgress(WASM_URL, {
    onProgress: ({ loaded, total }) => {
      showStep('Downloading the game...', formatProgress(loaded, total),
               total > 0 ? loaded / total : null);
    },
  });
  showStep('Compiling...', formatProgress(wasmBinary.length, wasmBinary.length));
  await nextPaint();
  const { default: createGalaxyClient } = await factory;
  return createGalaxyClient({
    canvas,
    wasmBinary,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
}

// Keeps the canvas' drawing buffer at its CSS size times the device pixel ratio.
function fitCanvas() {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

// The animation loop; a failure inside the game stops it and says so. The first frame is
// marked for the benchmark (bench/client: time from opening the page to the first frame).
function runFrames(app, onFailure) {
  let first = true;
  const frame = (now) => {
    fitCanvas();
    try {
      app.frame(now);
    } catch (error) {
      onFailure(error);
      return;
    }
    if (first) {
      performance.mark('galaxy-first-frame');
      first = false;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// Settings edited in the game's window: stored (validated); when validation had to change a
// value, the game gets the stored version back (after its frame, not inside it).
function storeSettings(app, json) {
  let parsed = null;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const { settings, problems } = validateSettings(parsed);
  saveSettings(settings);
  if (problems.length > 0) queueMicrotask(() => app.setSettings(JSON.stringify(settings)));
}

// Connects the App to the server; returns the Connection.
function connectOnline(app, leave) {
  let loading = true;
  const connection = new Connection({
    url: socketUrl(window.location),
    getToken: () => auth.session()?.token ?? null,
    refreshToken: async () => {
      try {
        await auth.refresh();
        return true;
      } catch {
        return false;
      }
    },
    onOpen: (now) => app.onConnected(now),
    onText: (text, now) => app.receiveText(text, now),
    onBinary: (bytes, now) => app.receiveBinary(bytes, now),
    onClose: (now) => app.onDisconnected(now),
    onStatus: (text, live) => {
      app.setLinkStatus(text, live);
      if (!loading) return;
      if (live) {
        loading = false;
        hideLoading();
      } else {
        showStep('Connecting...', text);
      }
    },
    onEnd: ({ kind, message }) => {
      if (kind === 'login') {
        leave(message);
        return;
      }
      loading = false;
      if (kind === 'disconnected') {
        showFailure('Disconnected', message, 'Reconnect when you are ready to fly again.',
                    { label: 'Reconnect', run: () => connection.start() });
        return;
      }
      showFailure('Playing elsewhere', message,
                  'This tab stays offline so that the two do not keep taking the game from ' +
                  'each other.',
                  { label: 'Play here instead', run: () => connection.start() });
    },
  });
  window.addEventListener('online', () => connection.reconnectNow());
  window.addEventListener('pagehide', () => connection.stop());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) connection.start();
  });
  connection.start();
  return connection;
}

async function main() {
  let connection = null;
  let stopRefresh = () => {};
  // Back to the login page, forgetting the session (logout, or the server refused it).
  const leave = (reason = '') => {
    connection?.stop();
    stopRefresh();
    auth.logout();
    window.location.replace(reason ? `${LOGIN_PAGE}?reason=${encodeURIComponent(reason)}`
                                   : LOGIN_PAGE);
  };
  el('failure-logout').textContent = auth.session() ? 'Log out' : 'Back to the login page';
  el('failure-logout').addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });

  const ships = offlineShips(window.location.search);
  if (Number.isNaN(ships)) {
    showFailure('This address is not right',
                `"offline" takes a number of ships from 0 to ${MAX_OFFLINE_SHIPS}, ` +
                'e.g. play.html?offline=100.');
    return;
  }
  const online = ships === null;
  if (online && auth.session() === null) {
    window.location.replace(LOGIN_PAGE);
    return;
  }
  if (!hasWebGL2()) {
    showFailure('WebGL2 is not available', 'This browser could not create a WebGL2 context.',
                WEBGL_HELP);
    return;
  }

  let Module;
  try {
    Module = await loadGame();
  } catch (error) {
    showFailure('The game could not be loaded', String(error?.message ?? error),
                'Check the connection and reload the page.', reloadAction);
    return;
  }

  showStep(online ? 'Connecting...' : 'Starting the offline world...');
  fitCanvas();
  const app = new Module.GalaxyApp();
  const error = app.create();
  if (error) {
    showFailure('The game could not start', error, WEBGL_HELP, reloadAction);
    return;
  }
  app.setSettings(JSON.stringify(loadSettings()));
  app.setCallbacks((text) => connection?.send(text), (json) => storeSettings(app, json),
                   () => leave());

  if (online) {
    connection = connectOnline(app, leave);
    stopRefresh = auth.keepFresh({ onLost: (lost) => leave(describeError(lost)) });
  } else {
    app.startOffline(ships, OFFLINE_SEED, performance.now());
    hideLoading();
  }

  window.galaxy = { app, connection, status: () => JSON.parse(app.status()) };
  canvas.addEventListener('mousedown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  runFrames(app, (failure) => {
    connection?.stop();
    showFailure('The game stopped', String(failure?.message ?? failure),
                'Reload the page to start again.', reloadAction);
  });
}

main();
